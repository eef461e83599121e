using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;

namespace Masip.Police.DataProtection;

/// <summary>
/// The police's legal hold on erasure: a restricted case (a police-perpetrated case under professional
/// standards, or one a supervisor restricted) is kept whole while the restriction stands (DPA 2018 s47(2):
/// the data must be maintained for the purposes of evidence). The refusal names the case ids only.
/// </summary>
public sealed class RestrictedCaseHold : IErasureHold
{
    public async Task<string?> RefusalAsync(CommandScope scope, SubjectHoldings holdings)
    {
        var held = new List<Guid>();
        foreach (var id in holdings.Streams.Order())
            if (await scope.Load<StacCase>(id) is { Restriction: not null })
                held.Add(id);
        return held.Count == 0 ? null
            : $"legal hold: restricted case {string.Join(", ", held)} must be maintained for evidence (DPA 2018 s47(2)); lift the restriction first";
    }
}
