using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.People.Supervising;

public sealed record AddLicenceCondition(Guid PersonId, Guid ConditionId, LicenceConditionKind Kind, string Detail, string? ProtectedPerson);

public static class AddLicenceConditionDecision
{
    /// <summary>
    /// Napo: no-contact conditions are lost when they hang on a prison or an address; here they
    /// hang on the person, and must say whom they protect.
    /// </summary>
    public static IReadOnlyList<object> Decide(Person current, AddLicenceCondition command, DateTimeOffset now)
    {
        if (command.Kind == LicenceConditionKind.NoContact && command.ProtectedPerson is null)
            throw new InvalidFieldException("protected_person", "is required for a no-contact condition");
        var existing = current.LicenceConditions.FirstOrDefault(c => c.ConditionId == command.ConditionId);
        if (existing is not null)
            return existing.Kind == command.Kind && existing.Detail == command.Detail && existing.ProtectedPerson == command.ProtectedPerson
                ? []
                : throw new DuplicateRecordException("condition_id", "a different condition already has this id");
        return [new LicenceConditionAdded(command.PersonId, command.ConditionId, command.Kind, command.Detail, command.ProtectedPerson, now)];
    }
}
