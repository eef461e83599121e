using Masip.ServiceDefaults.Persistence;

namespace Masip.ServiceDefaults.Caseload;

/// <summary>A record was put on a practitioner's caseload (Caseload.AssignCaseload): who, by whom, when.</summary>
public sealed record CaseloadAssigned(Guid Id, string Kind, Guid RecordId, string Assignee, string AssignedBy, DateTimeOffset AssignedAt);

/// <summary>
/// Who holds one record (a case, a referral, a person...) where the agency's own domain does not say,
/// or where a supervisor moved it to someone else: the latest assignment wins over the domain's own
/// assignee (the reviewing officer, the allocated advocate, the accepting clinician).
/// </summary>
public sealed record CaseloadAssignment(Guid Id, string Kind, Guid RecordId, string Assignee, string AssignedBy, DateTimeOffset AssignedAt)
{
    public static Guid IdFor(string kind, Guid recordId) => DeterministicId.For("caseload", recordId, kind);

    public static CaseloadAssignment Create(CaseloadAssigned e) => new(e.Id, e.Kind, e.RecordId, e.Assignee, e.AssignedBy, e.AssignedAt);

    public CaseloadAssignment Apply(CaseloadAssigned e) => Create(e);

    /// <summary>The same assignee again changes nothing.</summary>
    public static IReadOnlyList<object> Decide(CaseloadAssignment? current, CaseloadAssigned command) =>
        current?.Assignee == command.Assignee ? [] : [command];
}
