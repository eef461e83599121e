using Marten;
using Masip.Nhs.Assessments;
using Masip.Nhs.Interventions;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Caseload;

namespace Masip.Nhs.Caseloads;

/// <summary>
/// The NHS's single-record reads that count for the caseload (README "Data protection"): GetReferral
/// (held by the clinician who accepted it), GetAssessment and GetEpisode (held by their clinician),
/// unless assigned to someone else; a referral still waiting is the team's (the referral queue).
/// </summary>
public static class NhsCaseloadReads
{
    public static IServiceCollection AddNhsCaseloadReads(this IServiceCollection services) => services
        .AddCaseloadRead("/masip.nhs.NhsReferrals/GetReferral", "referral", "referral_id", async (query, id, ct) =>
            await query.LoadAsync<Referral>(id, ct) is { Status: ReferralStatus.Accepted } r ? r.DecidedBy : null)
        .AddCaseloadRead("/masip.nhs.NhsAssessments/GetAssessment", "assessment", "assessment_id",
            async (query, id, ct) => (await query.LoadAsync<Assessment>(id, ct))?.Clinician)
        .AddCaseloadRead("/masip.nhs.NhsInterventions/GetEpisode", "episode", "episode_id",
            async (query, id, ct) => (await query.LoadAsync<Episode>(id, ct))?.Clinician);
}
