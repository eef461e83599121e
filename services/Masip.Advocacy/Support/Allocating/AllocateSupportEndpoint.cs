using Grpc.Core;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support.Allocating;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support;

public sealed partial class AdvocacySupportGrpc
{
    /// <summary>
    /// The referral, the new episode and the advocate's caseload stream are appended in one
    /// transaction, each with the version it read: when allocations to one advocate race, the
    /// pipeline decides the loser again on the caseload the winner left, so the 21st is refused.
    /// </summary>
    public override Task<EpisodeReply> AllocateSupport(AllocateSupportRequest request, ServerCallContext context)
    {
        var command = new AllocateSupport(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.AdvocateId, "advocate_id"));
        var episodeId = Guid.Empty;
        return pipeline.Run(context,
            async scope =>
            {
                var referral = await scope.Existing<Referral>(command.ReferralId, "referral_id");
                var caseload = await scope.Stream<AdvocateCaseload>(AdvocateCaseload.StreamIdFor(command.AdvocateId));
                var allocation = AllocateSupportDecision.Decide(referral.Aggregate!, caseload.Aggregate, command, Guid.CreateVersion7(), scope.Now);
                episodeId = allocation.EpisodeId;
                referral.AppendMany(allocation.ReferralEvents);
                scope.Session.Events.StartStream<SupportEpisode>(allocation.EpisodeId, allocation.EpisodeEvents.ToArray());
                caseload.AppendMany(allocation.CaseloadEvents);
            },
            async scope => ToReply(await scope.Require<SupportEpisode>(episodeId, "episode_id")));
    }
}
