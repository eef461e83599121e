namespace Masip.Contracts.Messages;

/// <summary>
/// A decision the daily management meeting recorded on an agenda item (tier change, refer,
/// apply for SPO, nominate to Griffin, no further action; issue 18.2: refer to NHS/probation/advocacy,
/// consider an SPO, MAPPA referral, safety-plan review, victim update). The owning agency's service turns it
/// into its own command (police stay the owner of tiers). Only non-identifying facts travel:
/// the detail is a short case-level phrase ("tier 3"), never names or intelligence.
/// </summary>
[ReceivedBy("police", "probation", "nhs", "advocacy")]
public sealed record MeetingDecisionRecordedV1(
    [DataClass("record.meta")] Guid DecisionId,
    [DataClass("record.meta")] Guid MeetingId,
    [DataClass("record.meta")] DateOnly MeetingDate,
    [DataClass("record.meta")] string ItemId,
    [DataClass("record.meta")] string Kind,            // DecisionKinds in the meetings service (RunningTheMeeting.cs)
    [DataClass("record.meta")] string OwnerAgency,     // police | probation | nhs | advocacy
    [DataClass("record.meta"), Subject("case")] Guid? CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("case.summary"), ServedAs("masip.meetings.DecisionReply.new_tier")] int? NewTier,
    [DataClass("case.summary"), ServedAs("masip.meetings.DecisionReply.detail")] string Detail,
    [DataClass("officer.identity"), ServedAs("masip.meetings.DecisionReply.decided_by")] string DecidedBy,
    [DataClass("record.meta")] DateTimeOffset DecidedAt);

/// <summary>
/// A decision of the Operation Griffin meeting: police, probation and NHS only (never advocacy,
/// DOMAIN.md "Operation Griffin"), so it may carry Griffin-restricted detail.
/// </summary>
[ReceivedBy("police", "probation", "nhs")]
public sealed record GriffinDecisionRecordedV1(
    [DataClass("record.meta")] Guid DecisionId,
    [DataClass("record.meta")] Guid MeetingId,
    [DataClass("record.meta")] DateOnly MeetingDate,
    [DataClass("record.meta")] string ItemId,
    [DataClass("record.meta")] string Kind,
    [DataClass("record.meta")] string OwnerAgency,
    [DataClass("record.meta"), Subject("case")] Guid? CaseId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string? CrimeReference,
    [DataClass("case.summary"), ServedAs("masip.meetings.DecisionReply.new_tier")] int? NewTier,
    [DataClass("griffin.restricted"), ServedAs("masip.meetings.DecisionReply.griffin_detail")] string Detail,
    [DataClass("officer.identity"), ServedAs("masip.meetings.DecisionReply.decided_by")] string DecidedBy,
    [DataClass("record.meta")] DateTimeOffset DecidedAt);
