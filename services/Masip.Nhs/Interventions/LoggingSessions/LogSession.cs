using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions.LoggingSessions;

public sealed record LogSession(Guid EpisodeId, Guid SessionId, DateOnly Date, string Attendance, string? ClinicalNotes);

public static class LogSessionDecision
{
    public static readonly IReadOnlyDictionary<string, string> Attendances =
        new[] { Episode.Attended, Episode.DidNotAttend, Episode.Cancelled }.ToDictionary(a => a);

    public static LogSession Validate(LogSessionRequest request) => new(
        Require.Id(request.EpisodeId, "episode_id"),
        Require.Id(request.SessionId, "session_id"),
        Require.Date(request.Date, "date"),
        Require.OneOf(request.Attendance, "attendance", Attendances),
        Require.OptionalText(request.ClinicalNotes, "clinical_notes", 20000));

    /// <summary>Sessions belong to an open episode. Idempotent by session id.</summary>
    public static IReadOnlyList<object> Decide(Episode current, LogSession command, DateTimeOffset now)
    {
        if (current.Sessions.FirstOrDefault(s => s.Id == command.SessionId) is { } logged)
            return logged == new LoggedSession(command.SessionId, command.Date, command.Attendance, command.ClinicalNotes)
                ? []
                : throw new DuplicateRecordException("session_id", "a different session already has this id");
        if (!current.Open)
            throw new RuleViolationException("episode_id", $"the episode ended ({current.EndReason}); no more sessions can be logged");
        if (command.Date < DateOnly.FromDateTime(current.StartedAt.UtcDateTime.Date))
            throw new InvalidFieldException("date", "is before the episode started");
        return [new SessionLogged(current.Id, command.SessionId, command.Date, command.Attendance, command.ClinicalNotes, now)];
    }
}
