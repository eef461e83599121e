using Grpc.Core;
using Marten;
using Masip.Contracts.Nhs;
using Masip.Nhs.Interventions.EndingInterventions;
using Masip.Nhs.Interventions.LoggingSessions;
using Masip.Nhs.Interventions.RecordingOutcomes;
using Masip.Nhs.Interventions.RecordingRelapsePlans;
using Masip.Nhs.Interventions.StartingInterventions;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions;

public sealed class NhsInterventionsGrpc(EpisodeHandler episodes, IQuerySession query) : NhsInterventions.NhsInterventionsBase
{
    public override async Task<EpisodeReply> StartIntervention(StartInterventionRequest request, ServerCallContext context) =>
        ToReply(await episodes.Start(StartInterventionDecision.Validate(request), context.CancellationToken));

    public override async Task<EpisodeReply> LogSession(LogSessionRequest request, ServerCallContext context)
    {
        var command = LogSessionDecision.Validate(request);
        return ToReply(await episodes.Change(command.EpisodeId, (e, now) => LogSessionDecision.Decide(e, command, now), context.CancellationToken));
    }

    public override async Task<EpisodeReply> RecordRelapsePlan(RecordRelapsePlanRequest request, ServerCallContext context)
    {
        var command = RecordRelapsePlanDecision.Validate(request);
        return ToReply(await episodes.Change(command.EpisodeId, (e, now) => RecordRelapsePlanDecision.Decide(e, command, now), context.CancellationToken));
    }

    public override async Task<EpisodeReply> RecordOutcomeMeasure(RecordOutcomeMeasureRequest request, ServerCallContext context)
    {
        var command = RecordOutcomeMeasureDecision.Validate(request);
        return ToReply(await episodes.Change(command.EpisodeId, (e, now) => RecordOutcomeMeasureDecision.Decide(e, command, now), context.CancellationToken));
    }

    public override async Task<EpisodeReply> EndIntervention(EndInterventionRequest request, ServerCallContext context)
    {
        var command = EndInterventionDecision.Validate(request);
        return ToReply(await episodes.Change(command.EpisodeId, (e, now) => EndInterventionDecision.Decide(e, command, now), context.CancellationToken));
    }

    public override async Task<EpisodeReply> GetEpisode(GetEpisodeRequest request, ServerCallContext context) =>
        ToReply(await Load(request, context));

    public override async Task<EpisodeOutcomesReply> GetEpisodeOutcomes(GetEpisodeRequest request, ServerCallContext context) =>
        ToReply(EpisodeOutcomes.Of(await Load(request, context)));

    public override async Task<OutcomesReply> ListOutcomes(ListOutcomesRequest request, ServerCallContext context)
    {
        IQueryable<Episode> episodes = query.Query<Episode>();
        if (!string.IsNullOrWhiteSpace(request.Route))
        {
            var route = Require.OneOf(request.Route, "route", Referrals.RecordingReferrals.RecordReferralDecision.Routes);
            episodes = episodes.Where(e => e.Route == route);
        }
        if (!string.IsNullOrWhiteSpace(request.Modality))
        {
            var modality = Require.OneOf(request.Modality, "modality", StartInterventionDecision.Modalities);
            episodes = episodes.Where(e => e.Modality == modality);
        }
        var list = await episodes.OrderBy(e => e.StartedAt).Take(5000).ToListAsync(context.CancellationToken);
        var reply = new OutcomesReply();
        reply.Episodes.AddRange(list.Select(e => ToReply(EpisodeOutcomes.Of(e))));
        return reply;
    }

    private async Task<Episode> Load(GetEpisodeRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.EpisodeId, "episode_id");
        return await query.LoadAsync<Episode>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("episode_id", $"no episode {id}");
    }

    private static EpisodeReply ToReply(Episode episode)
    {
        var reply = new EpisodeReply
        {
            EpisodeId = episode.Id.ToString(),
            ReferralId = episode.ReferralId.ToString(),
            PerpetratorId = episode.PerpetratorId.ToString(),
            Route = episode.Route,
            Modality = episode.Modality,
            PlannedSessions = episode.PlannedSessions,
            Clinician = episode.Clinician,
            Status = episode.Open ? "open" : "ended",
            StartedAt = Formats.Instant(episode.StartedAt),
            EndReason = episode.EndReason ?? "",
            EndedAt = episode.EndedAt is { } ended ? Formats.Instant(ended) : "",
            RelapsePlan = episode.RelapsePlan ?? "",
        };
        reply.Sessions.AddRange(episode.Sessions.Select(s => new SessionReply
        {
            SessionId = s.Id.ToString(), Date = Formats.Date(s.Date), Attendance = s.Attendance, ClinicalNotes = s.ClinicalNotes ?? "",
        }));
        reply.Measures.AddRange(episode.Measures.Select(m => new OutcomeMeasureReply
        {
            MeasureId = m.Id.ToString(), Point = m.Point, Measure = m.Measure, Instrument = m.Instrument,
            ScaleMin = m.ScaleMin, ScaleMax = m.ScaleMax, Value = m.Value, MeasuredOn = Formats.Date(m.MeasuredOn),
        }));
        return reply;
    }

    private static EpisodeOutcomesReply ToReply(EpisodeOutcomes outcomes)
    {
        var episode = outcomes.Episode;
        var reply = new EpisodeOutcomesReply
        {
            EpisodeId = episode.Id.ToString(),
            ReferralId = episode.ReferralId.ToString(),
            Route = episode.Route,
            Modality = episode.Modality,
            Status = episode.Open ? "open" : "ended",
            EndReason = episode.EndReason ?? "",
            PlannedSessions = episode.PlannedSessions,
            SessionsAttended = outcomes.SessionsAttended,
            SessionsMissed = outcomes.SessionsMissed,
            SessionsCancelled = outcomes.SessionsCancelled,
        };
        reply.Changes.AddRange(outcomes.Changes.Select(c => new Contracts.Nhs.MeasureChange
        {
            Measure = c.Measure, Instrument = c.Instrument, ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax,
            HasStart = c.Start.HasValue, Start = c.Start ?? 0, HasEnd = c.End.HasValue, End = c.End ?? 0, Change = c.Change ?? 0,
        }));
        return reply;
    }
}
