using Masip.ServiceDefaults.Persistence;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// The agency's retention schedule (Masip:Retention in its configuration): per kind of record and
/// data class, how long after its last change it is reviewed, and the schedule's source (the
/// police: Management of Police Information review periods; the NHS: the Records Management Code;
/// the charity: its own policy). Nothing is disposed of without a review.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Masip:Retention";

    /// <summary>How often the scanner looks for records due for review (daily).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How many records it reads at a time; it pages through all of them.</summary>
    public int PageSize { get; set; } = 200;

    public List<RetentionSchedule> Schedules { get; set; } = [];
}

/// <summary>One line of the schedule: records of <see cref="Record"/> (the stored document type, e.g. StacCase) holding <see cref="DataClass"/>.</summary>
public sealed class RetentionSchedule
{
    public string Record { get; set; } = "";
    public string DataClass { get; set; } = "";
    public TimeSpan ReviewAfter { get; set; }
    public string Source { get; set; } = "";

    /// <summary>Marten's table for the record's documents.</summary>
    public string Table => "mt_doc_" + Record.ToLowerInvariant();
}

public enum RetentionStatus { Due, Retained, Disposed }

/// <summary>A record reached the end of its retention period: a reviewer must retain it (with a reason) or dispose of it.</summary>
public sealed record RecordDueForReview(Guid ReviewId, string Record, string RecordId, string DataClass, string Source,
    DateTimeOffset LastChangedAt, DateTimeOffset DueAt);

/// <summary>The reviewer kept the record, with the reason; it is reviewed again one period later.</summary>
public sealed record RecordRetained(Guid ReviewId, string Reason, string ReviewedBy, DateTimeOffset RetainedAt, DateTimeOffset NextReviewAt);

/// <summary>The reviewer disposed of the record: its events and documents are deleted; this review (ids only) stays.</summary>
public sealed record RecordDisposed(Guid ReviewId, string Reason, string ReviewedBy, DateTimeOffset DisposedAt, int RowsDeleted);

/// <summary>One record's retention reviews (one stream per record): its status and every decision with its reason.</summary>
public sealed record RetentionReview
{
    public Guid Id { get; init; }
    public required string Record { get; init; }
    public required string RecordId { get; init; }
    public required string DataClass { get; init; }
    public required string Source { get; init; }
    public RetentionStatus Status { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }
    public DateTimeOffset DueAt { get; init; }
    public DateTimeOffset? NextReviewAt { get; init; }
    public string? Reason { get; init; }
    public string? ReviewedBy { get; init; }
    public DateTimeOffset? ReviewedAt { get; init; }

    public static Guid IdFor(string record, string recordId) => DeterministicId.For("retention-review", $"{record}/{recordId}");

    public static RetentionReview Create(RecordDueForReview e) => new()
    {
        Id = e.ReviewId, Record = e.Record, RecordId = e.RecordId, DataClass = e.DataClass, Source = e.Source,
        Status = RetentionStatus.Due, LastChangedAt = e.LastChangedAt, DueAt = e.DueAt,
    };

    public RetentionReview Apply(RecordDueForReview e) => this with { Status = RetentionStatus.Due, LastChangedAt = e.LastChangedAt, DueAt = e.DueAt };

    public RetentionReview Apply(RecordRetained e) => this with
    {
        Status = RetentionStatus.Retained, Reason = e.Reason, ReviewedBy = e.ReviewedBy, ReviewedAt = e.RetainedAt, NextReviewAt = e.NextReviewAt,
    };

    public RetentionReview Apply(RecordDisposed e) => this with
    {
        Status = RetentionStatus.Disposed, Reason = e.Reason, ReviewedBy = e.ReviewedBy, ReviewedAt = e.DisposedAt,
    };

    /// <summary>
    /// The scanner found the record past its period: due, unless it is already due, disposed of, or
    /// retained with its next review still ahead (a second pass, or another replica's, raises nothing).
    /// </summary>
    public static IReadOnlyList<object> Scan(RetentionReview? current, RecordDueForReview found, DateTimeOffset now) => current switch
    {
        null => [found],
        { Status: RetentionStatus.Retained, NextReviewAt: { } next } when next <= now => [found],
        _ => [],
    };

    public IReadOnlyList<object> Retain(string reason, string by, DateTimeOffset now, TimeSpan period) => Status switch
    {
        RetentionStatus.Retained when Reason == reason => [],
        RetentionStatus.Disposed => throw new Errors.RuleViolationException("review_id", "the record was disposed of"),
        _ => [new RecordRetained(Id, reason, by, now, now + period)],
    };
}
