using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions.EndingInterventions;

public sealed record EndIntervention(Guid EpisodeId, string Reason);

public static class EndInterventionDecision
{
    public static readonly IReadOnlyDictionary<string, string> Reasons =
        new[] { "completed", "disengaged", "moved", "in-custody" }.ToDictionary(r => r);

    public static EndIntervention Validate(EndInterventionRequest request) => new(
        Require.Id(request.EpisodeId, "episode_id"),
        Require.OneOf(request.Reason, "reason", Reasons));

    /// <summary>An episode ends once; ending it again for the same reason is no change.</summary>
    public static IReadOnlyList<object> Decide(Episode current, EndIntervention command, DateTimeOffset now)
    {
        if (!current.Open)
            return current.EndReason == command.Reason
                ? []
                : throw new RuleViolationException("episode_id", $"the episode already ended ({current.EndReason})");
        return [new InterventionEnded(current.Id, current.PerpetratorId, command.Reason, now)];
    }
}
