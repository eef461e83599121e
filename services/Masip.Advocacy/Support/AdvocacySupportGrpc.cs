using Marten;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support;

/// <summary>
/// Support episodes, safety plans, the caseload cap, update tasks and the workload. Each command's
/// endpoint lives beside its use case (Allocating/, Closing/, SafetyPlans/); the queries are in
/// SupportQueries.cs and VictimUpdates/UpdateTaskQueries.cs.
/// </summary>
public sealed partial class AdvocacySupportGrpc(CommandPipeline pipeline, IQuerySession query) : AdvocacySupport.AdvocacySupportBase
{
    private static EpisodeReply ToReply(SupportEpisode episode) => new()
    {
        EpisodeId = episode.Id.ToString(),
        ReferralId = episode.ReferralId.ToString(),
        AdvocateId = episode.AdvocateId,
        Level = episode.Level.ToString().ToLowerInvariant(),
        RiskLevel = episode.RiskLevel.ToString().ToLowerInvariant(),
        Status = episode.Status.ToString().ToLowerInvariant(),
        OpenedAt = Formats.Instant(episode.OpenedAt),
        Outcome = episode.Outcome ?? "",
        OutcomeNotes = episode.OutcomeNotes ?? "",
        ClosedAt = episode.ClosedAt is { } closed ? Formats.Instant(closed) : "",
        SafetyPlanVersion = episode.SafetyPlanVersion,
    };

    private static SafetyPlanReply ToPlanReply(SupportEpisode episode, SafetyPlanVersion plan)
    {
        var reply = new SafetyPlanReply
        {
            EpisodeId = episode.Id.ToString(),
            ReferralId = episode.ReferralId.ToString(),
            Version = plan.Version,
            RevisedBy = plan.RevisedBy,
            RevisedAt = Formats.Instant(plan.RevisedAt),
        };
        reply.Measures.AddRange(plan.Measures);
        return reply;
    }
}
