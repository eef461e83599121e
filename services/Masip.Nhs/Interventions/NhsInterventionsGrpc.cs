using Marten;
using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions;

/// <summary>
/// Intervention episodes. Each command's endpoint lives beside its use case (StartingInterventions/...,
/// LoggingSessions/..., ...); the queries are in EpisodeQueries.cs.
/// </summary>
public sealed partial class NhsInterventionsGrpc(CommandPipeline pipeline, IQuerySession query) : NhsInterventions.NhsInterventionsBase
{
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
