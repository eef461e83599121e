using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People.Supervising;

public sealed record RecordSupervision(
    Guid PersonId, Guid SupervisionId, OrderType OrderType, DateOnly Start, DateOnly? End,
    IReadOnlyList<string> Requirements, string ResponsibleOfficer);

public static class RecordSupervisionDecision
{
    /// <summary>Opens a supervision case, or replaces the one with the same id; the same case again decides nothing.</summary>
    public static IReadOnlyList<object> Decide(Person current, RecordSupervision command, DateTimeOffset now)
    {
        if (command.End is { } end && end < command.Start)
            throw new InvalidFieldException("end_date", "is before start_date");
        var existing = current.Supervision.FirstOrDefault(s => s.SupervisionId == command.SupervisionId);
        if (existing is not null && existing.OrderType == command.OrderType && existing.Start == command.Start
            && existing.End == command.End && existing.ResponsibleOfficer == command.ResponsibleOfficer
            && existing.Requirements.SequenceEqual(command.Requirements))
            return [];
        return [new SupervisionRecorded(command.PersonId, command.SupervisionId, command.OrderType, command.Start, command.End,
            command.Requirements, command.ResponsibleOfficer, now)];
    }
}
