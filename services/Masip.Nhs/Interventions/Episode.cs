using Masip.Nhs.Lists;

namespace Masip.Nhs.Interventions;

/// <summary>
/// An intervention episode started: stalking-specific modalities only (never domestic-abuse
/// group programmes, 001 L779). The referral route is copied in so the outcomes view can
/// compare routes without reading another stream. The clinician is the one who started it (the actor).
/// </summary>
public sealed record InterventionStarted(
    Guid EpisodeId,
    Guid ReferralId,
    Guid PerpetratorId,
    string Route,
    string Modality,
    int PlannedSessions,
    string Clinician,
    DateTimeOffset StartedAt);

/// <summary>A session took place, was missed or was cancelled. The notes are clinical detail: NHS only.</summary>
public sealed record SessionLogged(Guid EpisodeId, Guid SessionId, DateOnly Date, string Attendance, string? ClinicalNotes, DateTimeOffset LoggedAt);

/// <summary>The relapse plan (NHS only); a later plan replaces the earlier.</summary>
public sealed record RelapsePlanRecorded(Guid EpisodeId, string Plan, DateTimeOffset RecordedAt);

/// <summary>An outcome measure on a named instrument's scale, at the start, during or at the end.</summary>
public sealed record OutcomeMeasured(
    Guid EpisodeId,
    Guid MeasureId,
    string Point,
    string Measure,
    string Instrument,
    double ScaleMin,
    double ScaleMax,
    double Value,
    DateOnly MeasuredOn,
    DateTimeOffset RecordedAt);

public sealed record InterventionEnded(Guid EpisodeId, Guid PerpetratorId, string Reason, DateTimeOffset EndedAt);

public sealed record LoggedSession(Guid Id, DateOnly Date, string Attendance, string? ClinicalNotes);

public sealed record MeasureTaken(
    Guid Id, string Point, string Measure, string Instrument, double ScaleMin, double ScaleMax, double Value, DateOnly MeasuredOn);

/// <summary>An intervention episode (inline snapshot: the read model and the outcomes source).</summary>
public sealed record Episode(
    Guid Id,
    Guid ReferralId,
    Guid PerpetratorId,
    string Route,
    string Modality,
    int PlannedSessions,
    string Clinician,
    DateTimeOffset StartedAt,
    bool Open,
    string? EndReason,
    DateTimeOffset? EndedAt,
    string? RelapsePlan,
    IReadOnlyList<LoggedSession> Sessions,
    IReadOnlyList<MeasureTaken> Measures)
{
    public const string Attended = "attended";
    public const string DidNotAttend = "did-not-attend";
    public const string Cancelled = "cancelled";

    /// <summary>The outcomes list's order: newest episode first.</summary>
    public string ListKey => ListKeys.Newest(StartedAt, Id);

    public static Episode Create(InterventionStarted e) => new(
        e.EpisodeId, e.ReferralId, e.PerpetratorId, e.Route, e.Modality, e.PlannedSessions, e.Clinician, e.StartedAt,
        true, null, null, null, [], []);

    public Episode Apply(SessionLogged e) =>
        this with { Sessions = [.. Sessions, new LoggedSession(e.SessionId, e.Date, e.Attendance, e.ClinicalNotes)] };

    public Episode Apply(RelapsePlanRecorded e) => this with { RelapsePlan = e.Plan };

    public Episode Apply(OutcomeMeasured e) => this with
    {
        Measures = [.. Measures, new MeasureTaken(e.MeasureId, e.Point, e.Measure, e.Instrument, e.ScaleMin, e.ScaleMax, e.Value, e.MeasuredOn)],
    };

    public Episode Apply(InterventionEnded e) => this with { Open = false, EndReason = e.Reason, EndedAt = e.EndedAt };
}
