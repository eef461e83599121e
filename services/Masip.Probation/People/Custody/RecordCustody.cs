namespace Masip.Probation.People.Custody;

public sealed record RecordCustody(Guid PersonId, string Establishment, DateOnly ExpectedRelease);

public static class RecordCustodyDecision
{
    public static IReadOnlyList<object> Decide(Person current, RecordCustody command, DateTimeOffset now)
    {
        if (current.Establishment == command.Establishment && current.ExpectedRelease == command.ExpectedRelease)
            return [];
        return [new CustodyRecorded(command.PersonId, command.Establishment, command.ExpectedRelease, now)];
    }
}
