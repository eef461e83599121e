using Masip.Probation.People;

namespace Masip.Probation.Releases;

public static class ReleaseDueDecision
{
    public const int DaysAhead = 28;

    /// <summary>
    /// A release from custody within the next 28 days becomes an item for the DMM (and the
    /// Griffin meeting for nominals): once per release date; a new date raises it again.
    /// </summary>
    public static IReadOnlyList<object> Decide(Person? person, DateTimeOffset now)
    {
        if (person is not { ExpectedRelease: { } release, Establishment: { } establishment } || person.ReleaseDueRaisedFor == release)
            return [];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        if (release < today || release > today.AddDays(DaysAhead))
            return [];
        return [new ReleaseDueRaised(person.Id, person.PerpetratorId, release, establishment, Conditions(person), now)];
    }

    // Kinds and details only: the protected person's name stays in probation.
    private static string? Conditions(Person person) => person.LicenceConditions.Count == 0
        ? null
        : string.Join("; ", person.LicenceConditions.Select(c => $"{Wire.Name(Wire.ConditionKinds, c.Kind)}: {c.Detail}"));
}
