using Marten;
using Masip.Probation.People;

namespace Masip.Probation.Mappa.Flagging;

/// <summary>
/// The latest Tier 3 case of a police perpetrator, kept so that a person who becomes known to
/// probation (or linked to the police id) after the case was tiered is still flagged.
/// </summary>
public sealed record TieredCase(Guid Id, Guid CaseId, int Tier, DateTimeOffset TieredAt);

public static class TieredCases
{
    /// <summary>The flag events for <paramref name="person"/> if a Tier 3 case of theirs is on record.</summary>
    public static async Task<IReadOnlyList<object>> FlagIfTier3(IQuerySession session, Person? person, DateTimeOffset now, CancellationToken ct)
    {
        if (person?.PerpetratorId is not { } perpetratorId)
            return [];
        var tiered = await session.LoadAsync<TieredCase>(perpetratorId, ct);
        return tiered is null ? [] : FlagForMappaConsiderationDecision.Decide(person, tiered.CaseId, tiered.Tier, now);
    }
}
