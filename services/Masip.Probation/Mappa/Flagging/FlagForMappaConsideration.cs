using Masip.Probation.People;

namespace Masip.Probation.Mappa.Flagging;

public static class FlagForMappaConsiderationDecision
{
    /// <summary>Guidance: stalkers must be considered for MAPPA category 3. A Tier 3 case with no consideration on record is flagged, once.</summary>
    public static IReadOnlyList<object> Decide(Person? person, Guid caseId, int tier, DateTimeOffset now)
    {
        if (person is null || tier != 3 || person.Mappa.Considered || person.MappaFlaggedCaseId is not null)
            return [];
        return [new MappaConsiderationFlagged(person.Id, caseId, now)];
    }
}
