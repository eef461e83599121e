using Masip.Police.Persons;

namespace Masip.Police.Cases;

/// <summary>
/// The person this case names in one role (its victim, or its suspect) holds the other role in
/// another report: a counter-allegation (26% of interviewed suspects made one; 000 L299).
/// Role is what the person is in THIS case: "victim" (and a suspect in the other) or "suspect".
/// </summary>
public sealed record PersonInOtherRole(Guid CaseId, Guid PersonId, string Role, Guid OtherCaseId, string OtherCrimeReference, DateTimeOffset FoundAt);

/// <summary>One person of this case who holds the other role elsewhere: only the other report's id and reference, never its people's details.</summary>
public sealed record OtherRole(Guid PersonId, string Role, Guid OtherCaseId, string OtherCrimeReference);

public sealed partial record StacCase
{
    public IReadOnlyList<OtherRole> OtherRoles { get; init; } = [];

    // Indexed: the person index is two columns of the case read model.
    public string? VictimPersonKey => PersonKeys.Key(Report.Victim.Name, Report.Victim.DateOfBirth);
    public string? SuspectPersonKey => Report.Suspect is { } s ? PersonKeys.Key(s.Name, s.DateOfBirth) : null;

    public StacCase Apply(PersonInOtherRole e) => OtherRoles.Any(o => o.Role == e.Role && o.OtherCaseId == e.OtherCaseId)
        ? this
        : this with { OtherRoles = [.. OtherRoles, new OtherRole(e.PersonId, e.Role, e.OtherCaseId, e.OtherCrimeReference)], LastChangedAt = e.FoundAt };
}
