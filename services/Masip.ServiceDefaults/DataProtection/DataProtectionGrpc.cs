using System.Globalization;
using Grpc.Core;
using Marten;
using Masip.Contracts.DataProtection;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;
using Npgsql;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// The data-protection officer's commands on this agency's records (every service serves them):
/// subject access and erasure, through the one command pipeline (the actor from the token; the
/// export's disclosure and the erasure audited in the same transaction).
/// </summary>
public sealed partial class DataProtectionGrpc(CommandPipeline pipeline, SharingAgreement agreement, ServiceIdentity service,
    DisclosureAuditor auditor, IQuerySession query, Microsoft.Extensions.Options.IOptions<RetentionOptions> retention,
    IEnumerable<IErasureHold> holds)
    : Contracts.DataProtection.DataProtection.DataProtectionBase
{
    public override async Task<RetentionReviewsReply> ListRecordsDueForReview(ListRecordsDueForReviewRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Lists.Paging.Size(request.Page);
        var offset = Lists.Paging.Offset(request.Page);
        var due = query.Query<RetentionReview>().Where(r => r.Status == RetentionStatus.Due);
        var page = await due.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new RetentionReviewsReply { Page = Lists.Paging.OffsetInfo(offset, page.Count, await due.CountAsync(ct)) };
        reply.Reviews.AddRange(page.Select(ToReply));
        return reply;
    }

    public override async Task<DpoAlertsReply> ListDpoAlerts(ListDpoAlertsRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Lists.Paging.Size(request.Page);
        var offset = Lists.Paging.Offset(request.Page);
        var alerts = query.Query<DpoAlert>();
        var page = await alerts.OrderByDescending(a => a.At).ThenBy(a => a.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new DpoAlertsReply { Page = Lists.Paging.OffsetInfo(offset, page.Count, await alerts.CountAsync(ct)) };
        reply.Alerts.AddRange(page.Select(a => new Contracts.DataProtection.DpoAlert
        {
            AlertId = a.Id.ToString(), Kind = a.Kind, SubjectKind = a.SubjectKind, SubjectId = a.SubjectId, AccessedBy = a.AccessedBy,
            AccessedByRole = a.AccessedByRole, Reason = a.Reason, At = Formats.Instant(a.At),
        }));
        return reply;
    }

    public override Task<RetentionReviewReply> RetainRecord(RetainRecordRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReviewId, "review_id");
        var reason = Require.Text(request.Reason, "reason", 1000);
        return pipeline.OnStream<RetentionReview, RetentionReviewReply>(context, id, "review_id",
            (review, scope) => review.Retain(reason, scope.Actor.Subject, scope.Now, Period(review)), ToReply);
    }

    public override Task<RetentionReviewReply> DisposeRecord(DisposeRecordRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReviewId, "review_id");
        var reason = Require.Text(request.Reason, "reason", 1000);
        var sharing = context.Sharing();
        return pipeline.Run(context,
            async scope =>
            {
                var stream = await scope.Existing<RetentionReview>(id, "review_id");
                var review = stream.Aggregate!;
                if (review.Status == RetentionStatus.Disposed)
                    return;
                if (review.Status != RetentionStatus.Due)
                    throw new RuleViolationException("review_id", "only a record due for review is disposed of (retained records wait for their next review)");
                await ProcessingRestrictions.RefuseDisposal(scope.Session, review.RecordId, scope.Cancellation);
                var rows = await RecordDisposal.Delete((NpgsqlConnection)scope.Session.Connection!, review.RecordId, scope.Cancellation);
                stream.AppendOne(new RecordDisposed(id, reason, scope.Actor.Subject, scope.Now, rows));
                auditor.Append(scope.Session, new Disclosure(
                    [new AuditSubject("retention-review", id.ToString()), new AuditSubject("record", review.RecordId)],
                    scope.Actor.Subject, scope.Actor.Agency, scope.Actor.Role, Recipient: service.Name, Channel: "disposal",
                    Operation: "DataProtection/DisposeRecord", [review.DataClass], sharing.Purpose,
                    System.Diagnostics.Activity.Current?.TraceId.ToString(), reason));
            },
            async scope => ToReply(await scope.Require<RetentionReview>(id, "review_id")));
    }

    private TimeSpan Period(RetentionReview review) =>
        retention.Value.Schedules.FirstOrDefault(s => s.Record == review.Record && s.DataClass == review.DataClass)?.ReviewAfter
        ?? throw new RuleViolationException("review_id", $"no retention schedule for {review.Record} ({review.DataClass}) any more");

    private static RetentionReviewReply ToReply(RetentionReview r) => new()
    {
        ReviewId = r.Id.ToString(), Record = r.Record, RecordId = r.RecordId, DataClass = r.DataClass, Source = r.Source,
        Status = r.Status.ToString().ToLowerInvariant(), LastChangedAt = Formats.Instant(r.LastChangedAt), DueAt = Formats.Instant(r.DueAt),
        NextReviewAt = r.NextReviewAt is { } next ? Formats.Instant(next) : "", Reason = r.Reason ?? "", ReviewedBy = r.ReviewedBy ?? "",
        ReviewedAt = r.ReviewedAt is { } at ? Formats.Instant(at) : "",
    };

    public override Task<SubjectAccessExportReply> ExportSubjectAccess(ExportSubjectAccessRequest request, ServerCallContext context)
    {
        var exportId = Require.Id(request.ExportId, "export_id");
        var subject = new DataSubject(Require.Text(request.Name, "name", 200), OptionalDate(request.DateOfBirth, "date_of_birth"));
        if (subject.Key.Length == 0)
            throw new InvalidFieldException("name", "holds no letter or digit");
        return pipeline.Run(context,
            async scope =>
            {
                if (await scope.Load<SubjectAccessExport>(exportId) is not null)
                    return;
                await SubjectAccessParts.Prepare(scope, agreement.SubjectAccess, service.Name, exportId, null, subject);
            },
            async scope => ToReply(await scope.Require<SubjectAccessExport>(exportId, "export_id")));
    }

    public override async Task<SubjectAccessExportReply> GetSubjectAccessExport(GetSubjectAccessExportRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ExportId, "export_id");
        var export = await query.LoadAsync<SubjectAccessExport>(id, context.CancellationToken) ?? throw NotFound.For<SubjectAccessExport>("export_id", id);
        return ToReply(export);
    }

    public override Task<ErasureReply> EraseSubject(EraseSubjectRequest request, ServerCallContext context)
    {
        var erasureId = Require.Id(request.ErasureId, "erasure_id");
        var subject = new DataSubject(Require.Text(request.Name, "name", 200), OptionalDate(request.DateOfBirth, "date_of_birth"));
        if (subject.Key.Length == 0)
            throw new InvalidFieldException("name", "holds no letter or digit");
        var reason = Require.Text(request.Reason, "reason", 1000);
        var sharing = context.Sharing();
        SubjectErased? erased = null;
        return pipeline.Run(context,
            async scope =>
            {
                var stream = await scope.Stream<ErasureRecord>(erasureId);
                if (stream.Aggregate is { } done)
                {
                    erased = done.Erased;
                    return;
                }
                var outcome = await SubjectErasures.Erase(scope, agreement.SubjectAccess, service.Name, erasureId, subject, reason, auditor,
                    sharing.Purpose, holds);
                erased = outcome.Erased ?? throw new RuleViolationException("name", $"erasure refused: {outcome.Refusal}");
                stream.AppendOne(erased);
            },
            _ => Task.FromResult(ToReply(erased!)));
    }

    private static DateOnly? OptionalDate(string text, string field) =>
        string.IsNullOrEmpty(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d
        : throw new InvalidFieldException(field, "must be a date, yyyy-MM-dd");

    public static SubjectAccessExportReply ToReply(SubjectAccessExport e)
    {
        var reply = new SubjectAccessExportReply
        {
            ExportId = e.Id.ToString(), RequestId = e.RequestId?.ToString() ?? "", Agency = e.Agency, Name = e.SubjectName,
            DateOfBirth = e.SubjectDateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            Records = e.Records, Disclosures = e.Disclosures, WithheldValues = e.WithheldValues, Json = e.Json, Markdown = e.Markdown,
            Sha256 = e.Sha256, PreparedAt = Formats.Instant(e.PreparedAt),
        };
        reply.Roles.AddRange(e.Roles);
        reply.WithheldClasses.AddRange(e.WithheldClasses);
        return reply;
    }

    private static ErasureReply ToReply(SubjectErased e)
    {
        var reply = new ErasureReply
        {
            ErasureId = e.ErasureId.ToString(), Agency = e.Agency, Records = e.Records, RowsRewritten = e.RowsRewritten,
            ErasedAt = Formats.Instant(e.ErasedAt),
        };
        reply.Classes.AddRange(e.Classes);
        reply.Streams.AddRange(e.Streams.Select(s => s.ToString()));
        return reply;
    }
}

/// <summary>One erasure's stream: the same erasure id again answers what was done.</summary>
public sealed record ErasureRecord(Guid Id, SubjectErased Erased)
{
    public static ErasureRecord Create(SubjectErased e) => new(e.ErasureId, e);
}

/// <summary>Preparing an export inside a command's transaction (the DPO's call, or a coordinator's message).</summary>
public static class SubjectAccessParts
{
    public static async Task<SubjectAccessExport> Prepare(CommandScope scope, SubjectAccessPolicy policy, string agency, Guid exportId,
        Guid? requestId, DataSubject subject)
    {
        var connection = (NpgsqlConnection)scope.Session.Connection!;
        var holdings = await SubjectFinder.Find(connection, policy, subject, scope.Cancellation);
        var export = SubjectAccessExportBuilder.Build(exportId, requestId, agency, subject, holdings, policy, scope.Actor.Subject, scope.Now);
        scope.Session.Store(export);
        scope.Session.Events.StartStream(exportId, new SubjectAccessExported(exportId, requestId, agency, export.Records, export.Disclosures,
            export.WithheldValues, export.Sha256, scope.Actor.Subject, scope.Now));
        return export;
    }
}
