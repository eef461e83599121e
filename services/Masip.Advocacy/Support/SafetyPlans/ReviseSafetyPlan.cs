using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support.SafetyPlans;

public sealed record ReviseSafetyPlan(Guid EpisodeId, IReadOnlyList<string> Measures, int? ExpectedVersion);

/// <summary>
/// A safety plan belongs to an open episode and is versioned: each revision is a new version,
/// by the acting advocate. An advocate who edited an older version is told so rather than
/// overwriting a colleague's.
/// </summary>
public static class ReviseSafetyPlanDecision
{
    public static IReadOnlyList<object> Decide(SupportEpisode episode, ReviseSafetyPlan command, Actor actor, DateTimeOffset now)
    {
        if (episode.Status == EpisodeStatus.Closed)
            throw new RuleViolationException("episode_id", "the episode is closed: its safety plan can no longer change");
        if (command.Measures.Count == 0)
            throw new InvalidFieldException("measures", "at least one measure is required");
        if (command.ExpectedVersion is { } expected && expected != episode.SafetyPlanVersion)
            throw new RuleViolationException("expected_version", $"the plan is at version {episode.SafetyPlanVersion}, not {expected}; reload it");
        if (episode.SafetyPlans.Count > 0 && episode.SafetyPlans[^1].Measures.SequenceEqual(command.Measures))
            return [];
        return [new SafetyPlanRevised(episode.Id, episode.SafetyPlanVersion + 1, command.Measures, actor.Subject, now)];
    }
}
