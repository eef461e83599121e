using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Victims;

public sealed record RecordContactPreferences(
    Guid CaseId, IReadOnlyList<string> SafeNumbers, string? SafeTimes, bool NoWithheldNumbers, bool InterpreterNeeded, string? Language,
    string? PreferredName, string ContactOwnerRole, string ContactOwner);

public static class ContactPreferencesDecision
{
    public static readonly IReadOnlyDictionary<string, string> OwnerRoles =
        new[] { "oic", "stac-officer", "advocate" }.ToDictionary(v => v, v => v);

    /// <summary>An interpreter needs a language; the same preferences again change nothing.</summary>
    public static IReadOnlyList<object> Decide(StacCase current, RecordContactPreferences command, Actor actor, DateTimeOffset now)
    {
        if (command.InterpreterNeeded && command.Language is null)
            throw new InvalidFieldException("language", "is required when an interpreter is needed");
        var recorded = new ContactPreferencesRecorded(current.Id, command.SafeNumbers, command.SafeTimes, command.NoWithheldNumbers,
            command.InterpreterNeeded, command.Language, command.PreferredName, command.ContactOwnerRole, command.ContactOwner, actor.Subject, now);
        return current.ContactPreferences is { } before && Same(before, recorded) ? [] : [recorded];
    }

    private static bool Same(ContactPreferencesRecorded a, ContactPreferencesRecorded b) =>
        a.SafeNumbers.SequenceEqual(b.SafeNumbers) && a with { SafeNumbers = b.SafeNumbers, RecordedBy = b.RecordedBy, RecordedAt = b.RecordedAt } == b;
}
