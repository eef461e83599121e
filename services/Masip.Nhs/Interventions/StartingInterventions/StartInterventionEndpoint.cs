using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions.StartingInterventions;
using Masip.Nhs.Referrals;

namespace Masip.Nhs.Interventions;

public sealed partial class NhsInterventionsGrpc
{
    public override Task<EpisodeReply> StartIntervention(StartInterventionRequest request, ServerCallContext context)
    {
        var command = StartInterventionDecision.Validate(request);
        return pipeline.Run(context,
            async scope =>
            {
                // Read, not written: an accepted referral cannot be declined any more.
                var referral = await scope.Require<Referral>(command.ReferralId, "referral_id");
                var episode = await scope.Stream<Episode>(command.EpisodeId);
                episode.AppendMany(StartInterventionDecision.Decide(referral, episode.Aggregate, command, scope.Actor, scope.Now));
            },
            async scope => ToReply(await scope.Require<Episode>(command.EpisodeId, "episode_id")));
    }
}
