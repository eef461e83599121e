using Grpc.Core;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support.Closing;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support;

public sealed partial class AdvocacySupportGrpc
{
    /// <summary>Closes the episode, ends the referral's support and frees the place on the advocate's caseload, in one transaction.</summary>
    public override Task<EpisodeReply> CloseEpisode(CloseEpisodeRequest request, ServerCallContext context)
    {
        var command = new CloseEpisode(Require.Id(request.EpisodeId, "episode_id"),
            Require.OneOf(request.Outcome, "outcome", CloseEpisodeDecision.Outcomes), Require.OptionalText(request.Notes, "notes"));
        return pipeline.Run(context,
            async scope =>
            {
                var episode = await scope.Existing<SupportEpisode>(command.EpisodeId, "episode_id");
                var current = episode.Aggregate!;
                episode.AppendMany(CloseEpisodeDecision.Decide(current, command, scope.Actor, scope.Now));
                scope.Session.Events.Append(current.ReferralId, new SupportEnded(current.ReferralId, current.Id, scope.Now));
                var caseload = await scope.Stream<AdvocateCaseload>(AdvocateCaseload.StreamIdFor(current.AdvocateId));
                caseload.AppendMany(CloseEpisodeDecision.Release(current, caseload.Aggregate, scope.Now));
            },
            async scope => ToReply(await scope.Require<SupportEpisode>(command.EpisodeId, "episode_id")));
    }
}
