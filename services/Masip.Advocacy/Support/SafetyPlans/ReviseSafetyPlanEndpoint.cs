using Grpc.Core;
using Masip.Advocacy.Support.SafetyPlans;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support;

public sealed partial class AdvocacySupportGrpc
{
    public override Task<SafetyPlanReply> ReviseSafetyPlan(ReviseSafetyPlanRequest request, ServerCallContext context)
    {
        var command = new ReviseSafetyPlan(
            Require.Id(request.EpisodeId, "episode_id"),
            request.Measures.Select(m => Require.Text(m, "measures")).ToList(),
            request.ExpectedVersion > 0 ? request.ExpectedVersion : null);
        return pipeline.OnStream<SupportEpisode, SafetyPlanReply>(context, command.EpisodeId, "episode_id",
            (episode, scope) => ReviseSafetyPlanDecision.Decide(episode, command, scope.Actor, scope.Now),
            episode => ToPlanReply(episode, episode.SafetyPlans[^1]));
    }
}
