using Marten;
using Masip.Probation.People;

namespace Masip.Probation.Mappa.Flagging;

/// <summary>
/// A police case's tier as the police's latest news says, keyed by the case id, with the police's
/// position of that news (<see cref="LastSequence"/>: a tier change that arrives late is older
/// news and does not override a newer one). Kept so that a person who becomes known to
/// probation (or linked to the police id) after a Tier 3 case was tiered is still flagged.
/// The offence, risk level and crime reference are the police case facts a PSR consultation shows (issue 18.7).
/// </summary>
public sealed record TieredCase(Guid Id, Guid? PerpetratorId, int Tier, DateTimeOffset TieredAt, long? LastSequence,
    string? Offence = null, string? RiskLevel = null, string? CrimeReference = null);

public static class TieredCases
{
    /// <summary>The flag events for <paramref name="person"/> if a case of theirs is Tier 3 now (the latest tiered, when several are).</summary>
    public static async Task<IReadOnlyList<object>> FlagIfTier3(IQuerySession session, Person? person, DateTimeOffset now, CancellationToken ct)
    {
        if (person?.PerpetratorId is not { } perpetratorId)
            return [];
        var tiered = await session.Query<TieredCase>()
            .Where(t => t.PerpetratorId == perpetratorId && t.Tier == 3)
            .OrderByDescending(t => t.TieredAt).ThenByDescending(t => t.Id)
            .FirstOrDefaultAsync(ct);
        return tiered is null ? [] : FlagForMappaConsiderationDecision.Decide(person, tiered.Id, tiered.Tier, now);
    }
}
