namespace Masip.Police.Cases;

/// <summary>The OIC agreed with the victim (or advocacy) how often the victim is updated (Victims' Code).</summary>
public sealed record VictimUpdateCadenceAgreed(Guid CaseId, int Days, string AgreedWith, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>The victim was updated on the case: the update clock restarts.</summary>
public sealed record VictimUpdated(Guid CaseId, string Channel, string RecordedBy, DateTimeOffset UpdatedAt);

public sealed partial record StacCase
{
    /// <summary>Agreed cadence in days; null: the configured default applies.</summary>
    public int? VictimUpdateCadenceDays { get; init; }

    /// <summary>When the update clock last started: the import, or the last update.</summary>
    public DateTimeOffset VictimUpdateAnchor { get; init; }
    public DateTimeOffset? LastVictimUpdateAt { get; init; }

    public StacCase Apply(VictimUpdateCadenceAgreed e) => this with { VictimUpdateCadenceDays = e.Days, LastChangedAt = e.RecordedAt };

    public StacCase Apply(VictimUpdated e) => this with
    {
        LastVictimUpdateAt = e.UpdatedAt,
        VictimUpdateAnchor = e.UpdatedAt,
        LastChangedAt = e.UpdatedAt,
    };
}
