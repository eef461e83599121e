namespace Masip.Police.Cases;

/// <summary>
/// The victim's contact preferences, agreed with them (000 L118-130: one owner of contact, agreed
/// channel, interpreter needed, "no withheld numbers"); the latest replaces the earlier.
/// </summary>
public sealed record ContactPreferencesRecorded(
    Guid CaseId,
    IReadOnlyList<string> SafeNumbers,
    string? SafeTimes,
    bool NoWithheldNumbers,
    bool InterpreterNeeded,
    string? Language,
    string? PreferredName,
    string ContactOwnerRole,
    string ContactOwner,
    string RecordedBy,
    DateTimeOffset RecordedAt);

public sealed partial record StacCase
{
    public ContactPreferencesRecorded? ContactPreferences { get; init; }

    public StacCase Apply(ContactPreferencesRecorded e) => this with { ContactPreferences = e, LastChangedAt = e.RecordedAt };
}
