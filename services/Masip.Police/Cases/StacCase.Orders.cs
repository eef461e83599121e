using Masip.Police.Clocks;

namespace Masip.Police.Cases;

/// <summary>A court hearing in the case: the victim is told (Victims' Code).</summary>
public sealed record CourtDateRecorded(Guid CaseId, DateOnly HearingOn, string Court, string Hearing, string RecordedBy, DateTimeOffset RecordedAt);

/// <summary>
/// The person restrained by orders in this case has breached orders twice or more: a separate
/// stalking offence to consider (001 L815-819). Sets the case's further-offence prompt.
/// </summary>
public sealed record SeparateOffenceReviewRaised(Guid CaseId, Guid PerpetratorId, int Breaches, DateTimeOffset RaisedAt);

/// <summary>The suspect was arrested: an interim SPO is sought within 48 hours of the report or the arrest (001 L807-811).</summary>
public sealed record SuspectArrested(Guid CaseId, DateTimeOffset ArrestedAt, string RecordedBy, DateTimeOffset RecordedAt);

public sealed record CourtDate(DateOnly HearingOn, string Court, string Hearing);

public sealed partial record StacCase
{
    public IReadOnlyList<CourtDate> CourtDates { get; init; } = [];

    public DateTimeOffset? ArrestedAt { get; init; }

    /// <summary>From the report reaching STAC, or the arrest when that came later.</summary>
    public DateTimeOffset InterimSpoStartedAt => ArrestedAt is { } arrested && arrested > ImportedAt ? arrested : ImportedAt;

    /// <summary>
    /// The interim SPO clock (001 L807-811): runs once an SPO is to be sought and until the first
    /// application, 48 hours from the report or the arrest. Indexed: the clock list is a range on it.
    /// </summary>
    public DateTimeOffset? InterimSpoDueAt => Status != CaseStatus.Closed && Spo is { WillApply: true, AppliedOn: null }
        ? InterimSpoStartedAt + ClockRules.InterimSpoLimit
        : null;

    public StacCase Apply(SuspectArrested e) => this with { ArrestedAt = e.ArrestedAt, LastChangedAt = e.RecordedAt };

    /// <summary>The full SPO clock: from the need being identified to the full application (late from day 29). Indexed.</summary>
    public DateTimeOffset? FullSpoDueAt => Status != CaseStatus.Closed && Spo is { WillApply: true, ConsideredAt: { } identified, FullAppliedOn: null }
        && Spo.Status is not ("full-granted" or "full-refused" or "expired")
        ? ClockRules.FullSpoClock(identified, identified).DueAt
        : null;

    public StacCase Apply(CourtDateRecorded e) => this with
    {
        CourtDates = [.. CourtDates, new CourtDate(e.HearingOn, e.Court, e.Hearing)],
        LastChangedAt = e.RecordedAt,
    };

    public StacCase Apply(SeparateOffenceReviewRaised e) => this with
    {
        FurtherOffencePrompt = true,
        ReassessmentDue = true,
        ReassessmentReason = $"{e.Breaches} breaches of orders",
        LastChangedAt = e.RaisedAt,
    };
}
