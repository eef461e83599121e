using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions.RecordingRelapsePlans;

public sealed record RecordRelapsePlan(Guid EpisodeId, string Plan);

public static class RecordRelapsePlanDecision
{
    public static RecordRelapsePlan Validate(RecordRelapsePlanRequest request) => new(
        Require.Id(request.EpisodeId, "episode_id"),
        Require.Text(request.Plan, "plan", 20000));

    /// <summary>A relapse plan may be written or revised while the episode is open; the same plan again is no change.</summary>
    public static IReadOnlyList<object> Decide(Episode current, RecordRelapsePlan command, DateTimeOffset now)
    {
        if (current.RelapsePlan == command.Plan)
            return [];
        if (!current.Open)
            throw new RuleViolationException("episode_id", "the episode ended; the relapse plan can no longer change");
        return [new RelapsePlanRecorded(current.Id, command.Plan, now)];
    }
}
