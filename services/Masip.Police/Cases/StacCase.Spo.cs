namespace Masip.Police.Cases;

/// <summary>Stalking Protection Act 2019: consider an SPO in every case and record why not (HMICFRS 003 R13).</summary>
public sealed record SpoConsidered(Guid CaseId, Guid? PerpetratorId, bool WillApply, string Reason, string RecordedBy, DateTimeOffset RecordedAt,
    string? WhyNot = null);

/// <summary>
/// Police applied to a magistrates' court for an interim or a full SPO. An interim application
/// records the victim's consent (given | declined | not-sought), or why it is absent (001 L807-811).
/// </summary>
public sealed record SpoApplied(Guid CaseId, Guid? PerpetratorId, string Stage, DateOnly AppliedOn, string RecordedBy, DateTimeOffset RecordedAt,
    string? VictimConsent = null, string? ConsentNote = null);

/// <summary>The court granted or refused the interim or full SPO, with its prohibitions and positive requirements.</summary>
public sealed record SpoDecided(
    Guid CaseId,
    Guid? PerpetratorId,
    string Stage,
    bool Granted,
    IReadOnlyList<string> Prohibitions,
    IReadOnlyList<string> Requirements,
    DateOnly? ExpiresOn,
    string Reason,
    string RecordedBy,
    DateTimeOffset RecordedAt,
    string? Court = null);

public sealed record SpoVaried(Guid CaseId, Guid? PerpetratorId, IReadOnlyList<string> Prohibitions, IReadOnlyList<string> Requirements, string Reason, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record SpoExpired(Guid CaseId, Guid? PerpetratorId, DateOnly ExpiredOn, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// A breach of the SPO (an offence, max 5 years). It forces a risk reassessment (000 A12) and is
/// counted with the person's breaches of every order: the second prompts "record as a further
/// stalking offence?" (001 L815-819; Orders/Breaches), not every breach.
/// </summary>
public sealed record SpoBreached(Guid CaseId, Guid? PerpetratorId, DateOnly BreachedOn, string Details, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The answer to the breach prompt: record the breach as a further stalking offence (under its
/// own crime reference) or not, with the reason (HMICFRS: breaches not treated as further
/// stalking in 35 of 72 cases).
/// </summary>
public sealed record FurtherOffenceDecided(Guid CaseId, bool Recorded, string? FurtherCrimeReference, string Reason, string DecidedBy, DateTimeOffset DecidedAt);

/// <summary>A decision the victim must hear about (Victims' Code: update after key decisions).</summary>
public sealed record VictimNotificationRaised(Guid CaseId, string CrimeReference, string Kind, string Summary, DateTimeOffset RaisedAt);

/// <summary>The case was closed with an outcome (charge, NFA, ...); only after the SPO was considered.</summary>
public sealed record CaseClosed(Guid CaseId, string Outcome, string Reason, string ClosedBy, DateTimeOffset ClosedAt);

public sealed record SpoState
{
    public bool? WillApply { get; init; }
    public string? ConsideredReason { get; init; }
    /// <summary>The coded reason for not applying (SpoDecisions.WhyNotReasons), when given.</summary>
    public string? WhyNot { get; init; }
    public DateTimeOffset? ConsideredAt { get; init; }

    /// <summary>none | applied | interim-granted | interim-refused | full-granted | full-refused | expired</summary>
    public string Status { get; init; } = "none";
    /// <summary>interim | full: the stage of the latest application.</summary>
    public string? ApplicationStage { get; init; }
    public DateOnly? AppliedOn { get; init; }
    public DateOnly? FullAppliedOn { get; init; }
    /// <summary>The interim application's record of the victim's consent: given | declined | not-sought.</summary>
    public string? VictimConsent { get; init; }
    public DateTimeOffset? GrantedAt { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public IReadOnlyList<string> Prohibitions { get; init; } = [];
    public IReadOnlyList<string> Requirements { get; init; } = [];
    public int Breaches { get; init; }
    public int Variations { get; init; }

    public bool Considered => WillApply is not null;
    public bool Applied => AppliedOn is not null;
    public bool InForce => Status is "interim-granted" or "full-granted";
}

public sealed partial record StacCase
{
    public SpoState Spo { get; init; } = new();

    /// <summary>After a breach: the officer must be asked whether to record it as a further stalking offence.</summary>
    public bool FurtherOffencePrompt { get; init; }
    public IReadOnlyList<string> FurtherOffenceReferences { get; init; } = [];
    public string? Outcome { get; init; }

    // Indexed copies for the statistics.
    public bool SpoConsideredFlag => Spo.Considered;
    public bool SpoAppliedFlag => Spo.Applied;
    public bool SpoGrantedFlag => Spo.GrantedAt is not null;
    public bool SpoBreachedFlag => Spo.Breaches > 0;

    /// <summary>Days from the first application to the grant, once an order is granted (for the statistics' mean).</summary>
    public int? SpoDaysApplicationToGrant => Spo is { AppliedOn: { } applied, GrantedAt: { } granted }
        ? DateOnly.FromDateTime(granted.UtcDateTime).DayNumber - applied.DayNumber
        : null;

    public StacCase Apply(SpoConsidered e) => this with
    {
        Spo = Spo with { WillApply = e.WillApply, ConsideredReason = e.Reason, WhyNot = e.WillApply ? null : e.WhyNot, ConsideredAt = e.RecordedAt },
        LastChangedAt = e.RecordedAt,
    };

    public StacCase Apply(SpoApplied e) => this with
    {
        Spo = Spo with
        {
            // An application is an SPO considered with the answer yes.
            WillApply = Spo.WillApply ?? true,
            ConsideredReason = Spo.ConsideredReason ?? "application made",
            ConsideredAt = Spo.ConsideredAt ?? e.RecordedAt,
            AppliedOn = Spo.AppliedOn ?? e.AppliedOn,
            FullAppliedOn = e.Stage == "full" ? Spo.FullAppliedOn ?? e.AppliedOn : Spo.FullAppliedOn,
            ApplicationStage = e.Stage,
            VictimConsent = e.VictimConsent ?? Spo.VictimConsent,
            Status = Spo.InForce ? Spo.Status : "applied",
        },
        LastChangedAt = e.RecordedAt,
    };

    public StacCase Apply(SpoDecided e) => this with
    {
        Spo = e.Granted
            ? Spo with
            {
                Status = $"{e.Stage}-granted",
                GrantedAt = Spo.GrantedAt ?? e.RecordedAt,
                ExpiresOn = e.ExpiresOn,
                Prohibitions = e.Prohibitions,
                Requirements = e.Requirements,
            }
            : Spo with { Status = Spo.InForce ? Spo.Status : $"{e.Stage}-refused" },
        LastChangedAt = e.RecordedAt,
    };

    public StacCase Apply(SpoVaried e) => this with
    {
        Spo = Spo with { Prohibitions = e.Prohibitions, Requirements = e.Requirements, Variations = Spo.Variations + 1 },
        LastChangedAt = e.RecordedAt,
    };

    public StacCase Apply(SpoExpired e) => this with
    {
        Spo = Spo with { Status = "expired", ExpiresOn = e.ExpiredOn },
        LastChangedAt = e.RecordedAt,
    };

    public StacCase Apply(SpoBreached e) => this with
    {
        Spo = Spo with { Breaches = Spo.Breaches + 1 },
        ReassessmentDue = true,
        ReassessmentReason = "SPO breached",
        LastChangedAt = e.RecordedAt,
    };

    public StacCase Apply(FurtherOffenceDecided e) => this with
    {
        FurtherOffencePrompt = false,
        FurtherOffenceReferences = e.FurtherCrimeReference is { } reference ? [.. FurtherOffenceReferences, reference] : FurtherOffenceReferences,
        LastChangedAt = e.DecidedAt,
    };

    public StacCase Apply(VictimNotificationRaised e) => this with { LastChangedAt = e.RaisedAt };

    public StacCase Apply(CaseClosed e) => this with
    {
        Status = CaseStatus.Closed,
        Outcome = e.Outcome,
        LastChangedAt = e.ClosedAt,
    };
}
