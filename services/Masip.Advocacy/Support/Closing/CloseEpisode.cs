using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support.Closing;

public sealed record CloseEpisode(Guid EpisodeId, string Outcome, string? Notes);

/// <summary>An episode closes once, with an outcome, by the acting advocate; the case then leaves the advocate's caseload.</summary>
public static class CloseEpisodeDecision
{
    public static readonly IReadOnlyDictionary<string, string> Outcomes =
        new[] { "support-completed", "victim-disengaged", "referred-on", "victim-declined", "other" }.ToDictionary(o => o);

    public static IReadOnlyList<object> Decide(SupportEpisode episode, CloseEpisode command, Actor actor, DateTimeOffset now)
    {
        if (episode.Status == EpisodeStatus.Closed)
            throw new RuleViolationException("episode_id", $"the episode is already closed ({episode.Outcome})");
        if (command.Outcome == "other" && command.Notes is null)
            throw new InvalidFieldException("notes", "is required when the outcome is other");
        return [new SupportEpisodeClosed(episode.Id, episode.ReferralId, command.Outcome, command.Notes, actor.Subject, now)];
    }

    /// <summary>The closed episode leaves the caseload it is on (an episode allocated before brief cases were on caseloads is on none).</summary>
    public static IReadOnlyList<object> Release(SupportEpisode episode, AdvocateCaseload? caseload, DateTimeOffset now) =>
        caseload is null ? []
        : caseload.OpenEpisodes.Contains(episode.Id) ? [new AdvocacyCaseReleased(episode.AdvocateId, episode.Id, now)]
        : caseload.BriefEpisodes.Contains(episode.Id) ? [new BriefCaseReleased(episode.AdvocateId, episode.Id, now)]
        : [];
}
