using Marten;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support;
using Masip.ServiceDefaults.Caseload;

namespace Masip.Advocacy.Caseloads;

/// <summary>
/// Advocacy's single-record reads that count for the caseload (README "Data protection"): GetReferral
/// and GetEpisode. Both are held by the advocate the support was allocated to (AllocateSupport), unless
/// assigned to someone else; a referral not yet allocated is the team's (the triage queue).
/// </summary>
public static class AdvocacyCaseloadReads
{
    public static IServiceCollection AddAdvocacyCaseloadReads(this IServiceCollection services) => services
        .AddCaseloadRead("/masip.advocacy.AdvocacyReferrals/GetReferral", "referral", "referral_id", async (query, id, ct) =>
            await query.LoadAsync<Referral>(id, ct) is { EpisodeId: { } episode } ? (await query.LoadAsync<SupportEpisode>(episode, ct))?.AdvocateId : null)
        .AddCaseloadRead("/masip.advocacy.AdvocacySupport/GetEpisode", "episode", "episode_id",
            async (query, id, ct) => (await query.LoadAsync<SupportEpisode>(id, ct))?.AdvocateId);
}
