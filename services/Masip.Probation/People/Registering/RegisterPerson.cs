using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People.Registering;

public sealed record RegisterPerson(Guid PersonId, string Name, DateOnly DateOfBirth, string? PncId, Guid? PerpetratorId);

public sealed record UpdatePerson(Guid PersonId, string Name, DateOnly DateOfBirth, string? PncId, Guid? PerpetratorId);

public static class RegisterPersonDecision
{
    /// <summary>Idempotent by person id: the same registration again decides nothing; a different one is refused.</summary>
    public static IReadOnlyList<object> Decide(Person? current, RegisterPerson command, DateTimeOffset now)
    {
        if (command.DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("date_of_birth", "is in the future");
        if (current is null)
            return [new PersonRegistered(command.PersonId, command.Name, command.DateOfBirth, PersonMatching.Pnc(command.PncId), command.PerpetratorId, now)];
        var same = current.Name == command.Name && current.DateOfBirth == command.DateOfBirth
            && current.PncId == PersonMatching.Pnc(command.PncId) && current.PerpetratorId == command.PerpetratorId;
        return same ? [] : throw new DuplicateRecordException("person_id", "a different person already has this id");
    }
}

public static class UpdatePersonDecision
{
    public static IReadOnlyList<object> Decide(Person? current, UpdatePerson command, DateTimeOffset now)
    {
        if (current is null)
            throw new RecordNotFoundException("person_id", $"no person {command.PersonId}");
        if (command.DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("date_of_birth", "is in the future");
        var pnc = PersonMatching.Pnc(command.PncId);
        if (current.Name == command.Name && current.DateOfBirth == command.DateOfBirth && current.PncId == pnc && current.PerpetratorId == command.PerpetratorId)
            return [];
        return [new PersonDetailsUpdated(command.PersonId, command.Name, command.DateOfBirth, pnc, command.PerpetratorId, now)];
    }
}
