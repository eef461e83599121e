using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions.RecordingOutcomes;

public sealed record RecordOutcomeMeasure(
    Guid EpisodeId, Guid MeasureId, string Point, string Measure, string Instrument,
    double ScaleMin, double ScaleMax, double Value, DateOnly MeasuredOn);

public static class RecordOutcomeMeasureDecision
{
    public const string Start = "start";
    public const string During = "during";
    public const string End = "end";

    public static readonly IReadOnlyDictionary<string, string> Points = new[] { Start, During, End }.ToDictionary(p => p);

    public static readonly IReadOnlyDictionary<string, string> Measures =
        new[] { "wellbeing", "functioning", "mood", "rumination" }.ToDictionary(m => m);

    public static RecordOutcomeMeasure Validate(RecordOutcomeMeasureRequest request)
    {
        if (!double.IsFinite(request.ScaleMin))
            throw new InvalidFieldException("scale_min", "must be a number");
        if (!double.IsFinite(request.ScaleMax) || request.ScaleMax <= request.ScaleMin)
            throw new InvalidFieldException("scale_max", "must be greater than scale_min");
        if (!double.IsFinite(request.Value) || request.Value < request.ScaleMin || request.Value > request.ScaleMax)
            throw new InvalidFieldException("value", $"must be on the instrument's scale, {request.ScaleMin} to {request.ScaleMax}");
        return new RecordOutcomeMeasure(
            Require.Id(request.EpisodeId, "episode_id"),
            Require.Id(request.MeasureId, "measure_id"),
            Require.OneOf(request.Point, "point", Points),
            Require.OneOf(request.Measure, "measure", Measures),
            Require.Text(request.Instrument, "instrument"),
            request.ScaleMin, request.ScaleMax, request.Value,
            Require.Date(request.MeasuredOn, "measured_on"));
    }

    /// <summary>
    /// Start and during measures need an open episode; the end measure may follow the end of the
    /// episode (it is often taken at discharge). One measure keeps one instrument and scale within
    /// an episode, or its change would mean nothing. Idempotent by measure id.
    /// </summary>
    public static IReadOnlyList<object> Decide(Episode current, RecordOutcomeMeasure command, DateTimeOffset now)
    {
        var taken = new MeasureTaken(command.MeasureId, command.Point, command.Measure, command.Instrument,
            command.ScaleMin, command.ScaleMax, command.Value, command.MeasuredOn);
        if (current.Measures.FirstOrDefault(m => m.Id == command.MeasureId) is { } existing)
            return existing == taken ? [] : throw new DuplicateRecordException("measure_id", "a different measure already has this id");
        if (!current.Open && command.Point != End)
            throw new RuleViolationException("episode_id", "the episode ended; only end measures can still be recorded");
        if (current.Measures.FirstOrDefault(m => m.Measure == command.Measure) is { } first
            && (first.Instrument != command.Instrument || first.ScaleMin != command.ScaleMin || first.ScaleMax != command.ScaleMax))
            throw new InvalidFieldException("instrument",
                $"{command.Measure} is measured with {first.Instrument} ({first.ScaleMin} to {first.ScaleMax}) in this episode");
        return [new OutcomeMeasured(current.Id, command.MeasureId, command.Point, command.Measure, command.Instrument,
            command.ScaleMin, command.ScaleMax, command.Value, command.MeasuredOn, now)];
    }
}
