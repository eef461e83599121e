using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions.RecordingOutcomes;

namespace Masip.Nhs.Interventions;

public sealed partial class NhsInterventionsGrpc
{
    public override Task<EpisodeReply> RecordOutcomeMeasure(RecordOutcomeMeasureRequest request, ServerCallContext context)
    {
        var command = RecordOutcomeMeasureDecision.Validate(request);
        return pipeline.OnStream<Episode, EpisodeReply>(context, command.EpisodeId, "episode_id",
            (episode, scope) => RecordOutcomeMeasureDecision.Decide(episode, command, scope.Now), ToReply);
    }
}
