using Masip.ServiceDefaults.Caseload;

namespace Masip.Probation.Caseloads;

/// <summary>
/// Probation's single-record read that counts for the caseload (README "Data protection"): GetPerson,
/// held by the person's offender manager. Probation's records name none, so the offender manager is
/// the caseload assignment (Caseload.AssignCaseload, kind "person"); a person nobody manages yet is
/// the team's.
/// </summary>
public static class ProbationCaseloadReads
{
    public static IServiceCollection AddProbationCaseloadReads(this IServiceCollection services) =>
        services.AddCaseloadRead("/masip.probation.ProbationPeople/GetPerson", "person", "person_id");
}
