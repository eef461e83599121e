using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions.LoggingSessions;

namespace Masip.Nhs.Interventions;

public sealed partial class NhsInterventionsGrpc
{
    public override Task<EpisodeReply> LogSession(LogSessionRequest request, ServerCallContext context)
    {
        var command = LogSessionDecision.Validate(request);
        return pipeline.OnStream<Episode, EpisodeReply>(context, command.EpisodeId, "episode_id",
            (episode, scope) => LogSessionDecision.Decide(episode, command, scope.Now), ToReply);
    }
}
