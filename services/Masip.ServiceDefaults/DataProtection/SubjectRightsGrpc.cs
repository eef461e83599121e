using System.Globalization;
using Grpc.Core;
using Marten;
using Masip.Contracts.DataProtection;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// Rectification (Art. 16; s46) and restriction of processing (Art. 18; s47(2)), the DPO's commands
/// on this agency's records, through the one command pipeline; each is audited in its transaction.
/// </summary>
public sealed partial class DataProtectionGrpc
{
    private static T Get<T>(ServerCallContext context) where T : notnull => context.GetHttpContext().RequestServices.GetRequiredService<T>();

    public override Task<RectificationReply> RectifyRecord(RectifyRecordRequest request, ServerCallContext context)
    {
        var record = Rectifiable(context, Require.Text(request.Record, "record", 40));
        var recordId = Require.Id(request.RecordId, "record_id");
        var field = Require.Text(request.Field, "field", 60);
        if (!record.Fields.Contains(field))
            throw new InvalidFieldException("field", $"a {record.Record} has no rectifiable field '{field}' (one of: {string.Join(", ", record.Fields)})");
        var value = Require.Text(request.Value, "value", 400);
        var reason = Require.Text(request.Reason, "reason", 1000);
        var sharing = context.Sharing();
        RecordRectified? made = null;
        return Get<CommandPipeline>(context).Run(context,
            async scope =>
            {
                made = await record.Rectify(scope, recordId, field, value, reason);
                if (made is null)
                    return;
                Get<DisclosureAuditor>(context).Append(scope.Session, new Disclosure(
                    [new AuditSubject(record.Record, recordId.ToString())],
                    scope.Actor.Subject, scope.Actor.Agency, scope.Actor.Role, Recipient: Get<ServiceIdentity>(context).Name, Channel: "rectification",
                    Operation: "DataProtection/RectifyRecord", ["subject.identity"], sharing.Purpose,
                    System.Diagnostics.Activity.Current?.TraceId.ToString(), reason));
            },
            _ => Task.FromResult(new RectificationReply
            {
                Record = record.Record, RecordId = recordId.ToString(), Changed = made is not null,
                Rectification = made is null ? null : ToReply(RectificationEntry.From(made)),
            }));
    }

    public override async Task<RectificationHistoryReply> GetRectificationHistory(GetRectificationHistoryRequest request, ServerCallContext context)
    {
        var record = Rectifiable(context, Require.Text(request.Record, "record", 40)).Record;
        var recordId = Require.Id(request.RecordId, "record_id");
        var size = Lists.Paging.Size(request.Page);
        var offset = Lists.Paging.Offset(request.Page);
        var ct = context.CancellationToken;
        var query = Get<IQuerySession>(context);
        var entries = query.Query<RectificationEntry>().Where(r => r.RecordId == recordId && r.Record == record);
        var page = await entries.OrderBy(r => r.Version).ThenBy(r => r.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new RectificationHistoryReply { Page = Lists.Paging.OffsetInfo(offset, page.Count, await entries.CountAsync(ct)) };
        reply.Rectifications.AddRange(page.Select(ToReply));
        return reply;
    }

    private static IRectifiableRecord Rectifiable(ServerCallContext context, string record)
    {
        var all = context.GetHttpContext().RequestServices.GetServices<IRectifiableRecord>().ToList();
        return all.FirstOrDefault(r => r.Record == record)
            ?? throw new InvalidFieldException("record", all.Count == 0
                ? "this agency holds no record type that can be rectified"
                : $"must be one of: {string.Join(", ", all.Select(r => r.Record))}");
    }

    private static Contracts.DataProtection.Rectification ToReply(RectificationEntry e) => new()
    {
        Record = e.Record, RecordId = e.RecordId.ToString(), Field = e.Field, OldValue = e.OldValue ?? "", NewValue = e.NewValue,
        Reason = e.Reason, RectifiedBy = e.RectifiedBy, RectifiedAt = Formats.Instant(e.RectifiedAt), Version = e.Version,
    };

    public override Task<ProcessingRestrictionReply> RestrictProcessing(RestrictProcessingRequest request, ServerCallContext context)
    {
        var subject = new DataSubject(Require.Text(request.Name, "name", 200), OptionalDate(request.DateOfBirth, "date_of_birth"));
        if (subject.Key.Length == 0)
            throw new InvalidFieldException("name", "holds no letter or digit");
        var reason = Require.Text(request.Reason, "reason", 1000);
        var id = ProcessingRestriction.IdFor(subject);
        var sharing = context.Sharing();
        return Get<CommandPipeline>(context).Run(context,
            async scope =>
            {
                var stream = await scope.Stream<ProcessingRestriction>(id);
                if (stream.Aggregate is { Active: true })
                    return;
                var policy = Get<SharingAgreements>(context).Current.SubjectAccess;
                var holdings = await SubjectFinder.Find((NpgsqlConnection)scope.Session.Connection!, policy, subject, scope.Cancellation);
                var streams = holdings.Streams.Order().ToList();
                stream.AppendMany(ProcessingRestrictions.Restrict(stream.Aggregate, id, subject, streams, reason, scope.Actor.Subject, scope.Now));
                AuditRestriction(context, scope, id, streams, "DataProtection/RestrictProcessing", reason, sharing);
            },
            async scope => ToReply(await scope.Require<ProcessingRestriction>(id, "restriction_id")));
    }

    public override Task<ProcessingRestrictionReply> LiftProcessingRestriction(LiftProcessingRestrictionRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.RestrictionId, "restriction_id");
        var reason = Require.Text(request.Reason, "reason", 1000);
        var sharing = context.Sharing();
        return Get<CommandPipeline>(context).Run(context,
            async scope =>
            {
                var stream = await scope.Existing<ProcessingRestriction>(id, "restriction_id");
                var lifted = ProcessingRestrictions.Lift(stream.Aggregate!, reason, scope.Actor.Subject, scope.Now);
                stream.AppendMany(lifted);
                if (lifted.Count > 0)
                    AuditRestriction(context, scope, id, stream.Aggregate!.Streams, "DataProtection/LiftProcessingRestriction", reason, sharing);
            },
            async scope => ToReply(await scope.Require<ProcessingRestriction>(id, "restriction_id")));
    }

    public override async Task<ProcessingRestrictionsReply> ListProcessingRestrictions(ListProcessingRestrictionsRequest request, ServerCallContext context)
    {
        var size = Lists.Paging.Size(request.Page);
        var offset = Lists.Paging.Offset(request.Page);
        var ct = context.CancellationToken;
        var all = Get<IQuerySession>(context).Query<ProcessingRestriction>();
        var page = await all.OrderByDescending(r => r.Active).ThenByDescending(r => r.RestrictedAt).ThenBy(r => r.Id)
            .Skip(offset).Take(size).ToListAsync(ct);
        var reply = new ProcessingRestrictionsReply { Page = Lists.Paging.OffsetInfo(offset, page.Count, await all.CountAsync(ct)) };
        reply.Restrictions.AddRange(page.Select(ToReply));
        return reply;
    }

    // Restricting and lifting are audited on the chains of the records they cover (their ids), as an erasure is.
    private static void AuditRestriction(ServerCallContext context, CommandScope scope, Guid id, IReadOnlyList<Guid> streams, string operation,
        string reason, SharingContext sharing) =>
        Get<DisclosureAuditor>(context).Append(scope.Session, new Disclosure(
            [new AuditSubject("processing-restriction", id.ToString()), .. streams.Select(s => new AuditSubject("record", s.ToString()))],
            scope.Actor.Subject, scope.Actor.Agency, scope.Actor.Role, Recipient: Get<ServiceIdentity>(context).Name, Channel: "restriction",
            Operation: operation, ["record.meta"], sharing.Purpose, System.Diagnostics.Activity.Current?.TraceId.ToString(), reason));

    private static ProcessingRestrictionReply ToReply(ProcessingRestriction r)
    {
        var reply = new ProcessingRestrictionReply
        {
            RestrictionId = r.Id.ToString(), Name = r.Name,
            DateOfBirth = r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", Active = r.Active,
            Reason = r.Reason, RestrictedBy = r.RestrictedBy, RestrictedAt = Formats.Instant(r.RestrictedAt),
            LiftReason = r.LiftReason ?? "", LiftedBy = r.LiftedBy ?? "", LiftedAt = r.LiftedAt is { } at ? Formats.Instant(at) : "",
        };
        reply.Streams.AddRange(r.Streams.Select(s => s.ToString()));
        return reply;
    }
}
