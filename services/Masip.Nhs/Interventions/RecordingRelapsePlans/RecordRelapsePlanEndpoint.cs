using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions.RecordingRelapsePlans;

namespace Masip.Nhs.Interventions;

public sealed partial class NhsInterventionsGrpc
{
    public override Task<EpisodeReply> RecordRelapsePlan(RecordRelapsePlanRequest request, ServerCallContext context)
    {
        var command = RecordRelapsePlanDecision.Validate(request);
        return pipeline.OnStream<Episode, EpisodeReply>(context, command.EpisodeId, "episode_id",
            (episode, scope) => RecordRelapsePlanDecision.Decide(episode, command, scope.Now), ToReply);
    }
}
