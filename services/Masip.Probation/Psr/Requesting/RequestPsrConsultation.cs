using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr.Requesting;

/// <summary>
/// A request for a PSR consultation, recorded by the caller on behalf of <paramref name="Requester"/>
/// (the officer in the case or the court report writer).
/// </summary>
public sealed record RequestPsrConsultation(
    Guid ConsultationId, Guid PersonId, string Court, DateOnly HearingDate, DateOnly DueDate, string Offence,
    string Requester, RequesterRole RequesterRole, DateOnly? RequestedOn);

public static class RequestPsrConsultationDecision
{
    /// <summary>
    /// Idempotent by consultation id. The person must be known to probation; the report cannot
    /// be due before it was asked for.
    /// </summary>
    public static IReadOnlyList<object> Decide(PsrConsultation? current, RequestPsrConsultation command, Person? person, DateTimeOffset now)
    {
        var requestedOn = command.RequestedOn ?? DateOnly.FromDateTime(now.UtcDateTime);
        if (command.DueDate < requestedOn)
            throw new InvalidFieldException("due_date", $"{Formats.Date(command.DueDate)} is before the request date {Formats.Date(requestedOn)}");
        // The report is for the hearing: it cannot be due after it.
        if (command.DueDate > command.HearingDate)
            throw new InvalidFieldException("due_date", $"{Formats.Date(command.DueDate)} is after the hearing date {Formats.Date(command.HearingDate)}");
        if (person is null)
            throw NotFound.For<Person>("person_id", command.PersonId);
        if (current is not null)
        {
            var same = current.PersonId == command.PersonId && current.Court == command.Court && current.HearingDate == command.HearingDate
                && current.DueDate == command.DueDate && current.Offence == command.Offence && current.RequestedBy == command.Requester
                && current.RequesterRole == command.RequesterRole && (command.RequestedOn is null || current.RequestedOn == command.RequestedOn);
            return same ? [] : throw new DuplicateRecordException("consultation_id", "a different consultation already has this id");
        }
        return [new PsrConsultationRequested(command.ConsultationId, command.PersonId, person.PerpetratorId, command.Court,
            command.HearingDate, command.DueDate, command.Offence, command.Requester, command.RequesterRole, requestedOn, now)];
    }
}
