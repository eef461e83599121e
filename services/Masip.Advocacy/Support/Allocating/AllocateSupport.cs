using Masip.Advocacy.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support.Allocating;

/// <summary>Allocate the referral's support to <paramref name="AdvocateId"/>, the advocate who will hold the case (the caller or a colleague).</summary>
public sealed record AllocateSupport(Guid ReferralId, string AdvocateId);

/// <summary>What one allocation appends, stream by stream.</summary>
public sealed record Allocation(Guid EpisodeId, IReadOnlyList<object> ReferralEvents, IReadOnlyList<object> EpisodeEvents, IReadOnlyList<object> CaseloadEvents);

/// <summary>
/// The triage decided the level of support; allocation opens that episode with an advocate.
/// Both levels go on the advocate's caseload; only an advocacy case counts against the cap of
/// 20. A refused allocation stores nothing: the triaged referral stays in the allocation queue.
/// </summary>
public static class AllocateSupportDecision
{
    public static Allocation Decide(Referral referral, AdvocateCaseload? caseload, AllocateSupport command, Guid episodeId, DateTimeOffset now)
    {
        if (referral.Status != ReferralStatus.Accepted)
            throw new RuleViolationException("referral_id", $"only an accepted referral is allocated; this one is {referral.Status.ToString().ToLowerInvariant()}");
        var triage = referral.Triage
            ?? throw new RuleViolationException("referral_id", "the referral has not been triaged: triage decides the level of support");
        if (referral.EpisodeId is { } open)
            throw new RuleViolationException("referral_id", $"the referral is already allocated (episode {open})");
        if (referral.TriageStale)
            throw new RuleViolationException("referral_id", "the last episode of support ended: triage the victim again before a new one");

        var opened = new SupportEpisodeOpened(episodeId, referral.Id, command.AdvocateId, triage.SupportLevel, triage.RiskLevel, now);
        var allocated = new SupportAllocated(referral.Id, episodeId, command.AdvocateId, triage.SupportLevel, now);
        if (triage.SupportLevel == SupportLevel.Brief)
            return new Allocation(episodeId, [allocated], [opened], [new BriefCaseTaken(command.AdvocateId, episodeId, referral.Id, now)]);

        var held = caseload?.OpenEpisodes.Count ?? 0;
        if (held >= AdvocateCaseload.Capacity)
            throw new RuleViolationException("advocate_id",
                $"the advocate holds {held} advocacy cases (the cap is {AdvocateCaseload.Capacity}); the referral waits in the allocation queue");
        return new Allocation(episodeId, [allocated], [opened], [new AdvocacyCaseTaken(command.AdvocateId, episodeId, referral.Id, now)]);
    }
}
