using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions.EndingInterventions;

namespace Masip.Nhs.Interventions;

public sealed partial class NhsInterventionsGrpc
{
    public override Task<EpisodeReply> EndIntervention(EndInterventionRequest request, ServerCallContext context)
    {
        var command = EndInterventionDecision.Validate(request);
        return pipeline.OnStream<Episode, EpisodeReply>(context, command.EpisodeId, "episode_id",
            (episode, scope) => EndInterventionDecision.Decide(episode, command, scope.Now), ToReply);
    }
}
