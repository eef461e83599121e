namespace Masip.Contracts.Messages;

/// <summary>
/// A police clock came near its limit or passed it (issue 16.2): interim SPO 48 h (001 L807-811),
/// full SPO 4 weeks, breach response 24 h (001 L815-819), s2A 6 months from the offence (003),
/// victim update (Victims' Code). Raised once per level for each clock; the next DMM shows it.
/// </summary>
[ReceivedBy("meetings")]
public sealed record ClockDueV1(
    [DataClass("record.meta"), Subject("case")] Guid CaseId,
    [DataClass("record.meta")] string CrimeReference,
    [DataClass("record.meta"), Subject("perpetrator")] Guid? PerpetratorId,
    [DataClass("record.meta")] string Kind,            // interim-spo | full-spo | breach-response | s2a-limit | victim-update
    [DataClass("record.meta")] string Status,          // near | past
    [DataClass("record.meta")] DateTimeOffset DueAt,   // the first instant the action is late
    [DataClass("record.meta")] DateTimeOffset RaisedAt);

/// <summary>
/// An Operation Griffin nominal's review is due within 14 days (due) or has passed (overdue): an
/// alert for the Griffin meeting, once per review date and status. That a person is a nominal is
/// griffin.restricted: the meetings service shows it only where Griffin business may be seen.
/// </summary>
[ReceivedBy("meetings")]
public sealed record NominalReviewDueV1(
    [DataClass("record.meta"), Subject("nominal")] Guid NominalId,
    [DataClass("record.meta"), Subject("perpetrator")] Guid PerpetratorId,
    [DataClass("record.meta")] DateOnly ReviewDue,
    [DataClass("griffin.restricted"), ServedAs("masip.police.NominalReply.review_status")] string Status,  // due | overdue
    [DataClass("record.meta")] DateTimeOffset RaisedAt);
