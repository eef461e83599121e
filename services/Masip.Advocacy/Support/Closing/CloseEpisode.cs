using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support.Closing;

public sealed record CloseEpisode(Guid EpisodeId, string Outcome, string? Notes, string ClosedBy);

/// <summary>An episode closes once, with an outcome; an advocacy case then leaves the advocate's caseload.</summary>
public static class CloseEpisodeDecision
{
    public static readonly IReadOnlyDictionary<string, string> Outcomes =
        new[] { "support-completed", "victim-disengaged", "referred-on", "victim-declined", "other" }.ToDictionary(o => o);

    public static IReadOnlyList<object> Decide(SupportEpisode episode, CloseEpisode command, DateTimeOffset now)
    {
        if (episode.Status == EpisodeStatus.Closed)
            throw new RuleViolationException("episode_id", $"the episode is already closed ({episode.Outcome})");
        if (command.Outcome == "other" && command.Notes is null)
            throw new InvalidFieldException("notes", "is required when the outcome is other");
        return [new SupportEpisodeClosed(episode.Id, episode.ReferralId, command.Outcome, command.Notes, command.ClosedBy, now)];
    }

    public static IReadOnlyList<object> Release(SupportEpisode episode, AdvocateCaseload? caseload, DateTimeOffset now) =>
        caseload is not null && caseload.OpenEpisodes.Contains(episode.Id)
            ? [new AdvocacyCaseReleased(episode.AdvocateId, episode.Id, now)]
            : [];
}
