using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People.Registering;

public sealed record RegisterPerson(Guid PersonId, string Name, DateOnly DateOfBirth, string? PncId, Guid? PerpetratorId);

public sealed record UpdatePerson(Guid PersonId, string Name, DateOnly DateOfBirth, string? PncId, Guid? PerpetratorId);

public static class RegisterPersonDecision
{
    /// <summary>
    /// Idempotent by person id: the same registration again decides nothing; a different one is
    /// refused. A PNC id names one person: <paramref name="pncHolder"/> is whoever else holds it.
    /// </summary>
    public static IReadOnlyList<object> Decide(Person? current, RegisterPerson command, Guid? pncHolder, DateTimeOffset now)
    {
        if (command.DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("date_of_birth", "is in the future");
        PncIsFree(command.PersonId, pncHolder);
        if (current is null)
            return [new PersonRegistered(command.PersonId, command.Name, command.DateOfBirth, PersonMatching.Pnc(command.PncId), command.PerpetratorId, now)];
        var same = current.Name == command.Name && current.DateOfBirth == command.DateOfBirth
            && current.PncId == PersonMatching.Pnc(command.PncId) && current.PerpetratorId == command.PerpetratorId;
        return same ? [] : throw new DuplicateRecordException("person_id", "a different person already has this id");
    }

    internal static void PncIsFree(Guid personId, Guid? pncHolder)
    {
        if (pncHolder is { } holder && holder != personId)
            throw new DuplicateRecordException("pnc_id", "another person already has this PNC id");
    }
}

public static class UpdatePersonDecision
{
    public static IReadOnlyList<object> Decide(Person current, UpdatePerson command, Guid? pncHolder, DateTimeOffset now)
    {
        if (command.DateOfBirth > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("date_of_birth", "is in the future");
        RegisterPersonDecision.PncIsFree(command.PersonId, pncHolder);
        var pnc = PersonMatching.Pnc(command.PncId);
        if (current.Name == command.Name && current.DateOfBirth == command.DateOfBirth && current.PncId == pnc && current.PerpetratorId == command.PerpetratorId)
            return [];
        return [new PersonDetailsUpdated(command.PersonId, command.Name, command.DateOfBirth, pnc, command.PerpetratorId, now)];
    }
}
