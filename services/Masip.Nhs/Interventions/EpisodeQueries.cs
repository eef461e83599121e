using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions.StartingInterventions;
using Masip.Nhs.Lists;
using Masip.Nhs.Referrals.RecordingReferrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions;

public sealed partial class NhsInterventionsGrpc
{
    public override async Task<EpisodeReply> GetEpisode(GetEpisodeRequest request, ServerCallContext context) =>
        ToReply(await Load(request, context));

    /// <summary>
    /// One episode's outcomes. Not a list to page: one change per measure, and an episode has at
    /// most the four measures RecordOutcomeMeasure accepts.
    /// </summary>
    public override async Task<EpisodeOutcomesReply> GetEpisodeOutcomes(GetEpisodeRequest request, ServerCallContext context) =>
        ToReply(EpisodeOutcomes.Of(await Load(request, context)));

    /// <summary>Across episodes, newest first, a page at a time: what an evaluation needs of each.</summary>
    public override async Task<OutcomesReply> ListOutcomes(ListOutcomesRequest request, ServerCallContext context)
    {
        IQueryable<Episode> episodes = query.Query<Episode>();
        if (!string.IsNullOrWhiteSpace(request.Route))
        {
            var route = Require.OneOf(request.Route, "route", RecordReferralDecision.Routes);
            episodes = episodes.Where(e => e.Route == route);
        }
        if (!string.IsNullOrWhiteSpace(request.Modality))
        {
            var modality = Require.OneOf(request.Modality, "modality", StartInterventionDecision.Modalities);
            episodes = episodes.Where(e => e.Modality == modality);
        }
        var (list, page) = await KeysetPage.ReadAsync(episodes, e => e.ListKey, descending: true, request.Page, context.CancellationToken);
        var reply = new OutcomesReply { Page = page };
        reply.Episodes.AddRange(list.Select(e => ToReply(EpisodeOutcomes.Of(e))));
        return reply;
    }

    private async Task<Episode> Load(GetEpisodeRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.EpisodeId, "episode_id");
        return await query.LoadAsync<Episode>(id, context.CancellationToken) ?? throw NotFound.For<Episode>("episode_id", id);
    }
}
