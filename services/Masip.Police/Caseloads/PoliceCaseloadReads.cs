using Marten;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Caseload;

namespace Masip.Police.Caseloads;

/// <summary>
/// The police's single-record read that counts for the caseload (README "Data protection"): GetCase.
/// A case is held by the STAC officer who reviewed it last (its owner from then on) unless assigned
/// to someone else (Caseload.AssignCaseload); an unreviewed case is the team's (the morning queue).
/// </summary>
public static class PoliceCaseloadReads
{
    public static IServiceCollection AddPoliceCaseloadReads(this IServiceCollection services) =>
        services.AddCaseloadRead("/masip.police.PoliceIntake/GetCase", "case", "case_id",
            async (query, id, ct) => (await query.LoadAsync<StacCase>(id, ct))?.Review?.ReviewedBy);
}
