using Masip.Nhs.Interventions.RecordingOutcomes;

namespace Masip.Nhs.Interventions;

/// <summary>Change in one measure over an episode: the first start value to the last end value.</summary>
public sealed record MeasureChange(
    string Measure, string Instrument, double ScaleMin, double ScaleMax, double? Start, double? End)
{
    public double? Change => Start is { } s && End is { } e ? e - s : null;
}

/// <summary>
/// What an evaluation needs of one episode (the 2023 STAC data could not say whether
/// interventions worked): route, modality, how it ended, sessions attended, change per measure.
/// </summary>
public sealed record EpisodeOutcomes(
    Episode Episode, int SessionsAttended, int SessionsMissed, int SessionsCancelled, IReadOnlyList<MeasureChange> Changes)
{
    public static EpisodeOutcomes Of(Episode episode)
    {
        var changes = episode.Measures
            .GroupBy(m => m.Measure)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var first = g.First();
                var start = g.Where(m => m.Point == RecordOutcomeMeasureDecision.Start).OrderBy(m => m.MeasuredOn).FirstOrDefault();
                var end = g.Where(m => m.Point == RecordOutcomeMeasureDecision.End).OrderBy(m => m.MeasuredOn).LastOrDefault();
                return new MeasureChange(g.Key, first.Instrument, first.ScaleMin, first.ScaleMax, start?.Value, end?.Value);
            })
            .ToList();
        return new EpisodeOutcomes(
            episode,
            episode.Sessions.Count(s => s.Attendance == Episode.Attended),
            episode.Sessions.Count(s => s.Attendance == Episode.DidNotAttend),
            episode.Sessions.Count(s => s.Attendance == Episode.Cancelled),
            changes);
    }
}
