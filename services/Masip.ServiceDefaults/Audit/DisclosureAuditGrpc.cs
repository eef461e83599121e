using Grpc.Core;
using Marten;
using Masip.Contracts.Audit;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.ServiceDefaults.Audit;

/// <summary>The auditor's questions: who saw this subject, what did this user see, is the chain intact.</summary>
public sealed class DisclosureAuditGrpc(IQuerySession query, AuditVerifier verifier) : DisclosureAudit.DisclosureAuditBase
{
    public override async Task<DisclosuresReply> WhoSawSubject(WhoSawSubjectRequest request, ServerCallContext context)
    {
        var subject = Subject(request.SubjectKind, request.SubjectId);
        var size = Paging.Size(request.Page);
        var from = Paging.Offset(request.Page) + 1;
        var ct = context.CancellationToken;
        // What is recorded but not sealed yet is read BEFORE the sealed chain: the sealer may link an
        // entry between the two reads, and read the other way round that entry would be in neither
        // (sealed after the chain was read, no longer past the sealer's position). Read this way it
        // is in both at worst, and shown once, as sealed.
        var unsealed = await verifier.Unsealed(query, subject, ct);
        var sealedEntries = await verifier.Entries(query, subject, from, size, ct);
        var head = await query.LoadAsync<AuditHead>(subject.Key, ct);
        var reply = new DisclosuresReply();
        reply.Entries.AddRange(sealedEntries.Select(e => ToEntry(subject, e.Entry, e.Position, e.Verification, e.Detail)));
        var sealedCount = head?.Entries ?? 0;
        var shown = sealedEntries.Select(e => e.Entry?.EntryId).OfType<Guid>().ToHashSet();
        // The last page of the sealed chain also shows what is recorded but not sealed yet.
        var pending = sealedEntries.Count < size ? unsealed.Where(e => !shown.Contains(e.EntryId)).ToList() : [];
        reply.Entries.AddRange(pending.Take(size - sealedEntries.Count)
            .Select(e => ToEntry(subject, e, 0, AuditVerifier.Pending, "recorded; the sealer links it into the chain within seconds")));
        var next = sealedEntries.Count == size && from - 1 + size < sealedCount ? (from - 1 + size).ToString() : null;
        reply.Page = Paging.Info(next, sealedCount + pending.Count);
        return reply;
    }

    public override async Task<DisclosuresReply> WhatUserSaw(WhatUserSawRequest request, ServerCallContext context)
    {
        var sub = Require.Text(request.ViewerSub, "viewer_sub", 200);
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var ct = context.CancellationToken;
        var links = query.Query<AuditLink>().Where(l => l.ViewerSub == sub);
        var total = await links.CountAsync(ct);
        var page = await links.OrderByDescending(l => l.Sequence).ThenBy(l => l.SubjectKey).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new DisclosuresReply();
        foreach (var link in page)
        {
            var (kind, id) = SplitKey(link.SubjectKey);
            var subject = new AuditSubject(kind, id);
            var checkedEntry = (await verifier.Entries(query, subject, link.Position, 1, ct)).FirstOrDefault();
            if (checkedEntry is not null)
                reply.Entries.Add(ToEntry(subject, checkedEntry.Entry, link.Position, checkedEntry.Verification, checkedEntry.Detail));
        }
        reply.Page = Paging.OffsetInfo(offset, page.Count, total);
        return reply;
    }

    public override async Task<ChainVerificationReply> VerifySubjectChain(VerifySubjectChainRequest request, ServerCallContext context)
    {
        var subject = Subject(request.SubjectKind, request.SubjectId);
        var check = await verifier.Verify(query, subject, context.CancellationToken);
        if (check.Valid && check.EntriesChecked == 0 && check.Pending == 0)
            throw new RecordNotFoundException("subject_id", $"no disclosures recorded about {subject.Kind} {subject.Id}");
        return new ChainVerificationReply
        {
            Valid = check.Valid, EntriesChecked = check.EntriesChecked, FirstBrokenPosition = check.FirstBrokenPosition,
            FirstBrokenEntryId = check.FirstBrokenEntryId?.ToString() ?? "", Reason = check.Reason,
            HeadEntries = check.HeadEntries, PendingEntries = check.Pending,
        };
    }

    private static AuditSubject Subject(string kind, string id) =>
        new(Require.Text(kind, "subject_kind", 40), Require.Text(id, "subject_id", 100));

    private static (string Kind, string Id) SplitKey(string key)
    {
        var colon = key.IndexOf(':');
        return (key[..colon], key[(colon + 1)..]);
    }

    private static DisclosureEntry ToEntry(AuditSubject subject, DisclosureRecorded e, long position, string verification, string detail)
    {
        var entry = new DisclosureEntry
        {
            EntryId = e.EntryId.ToString(), Position = position, SubjectKind = subject.Kind, SubjectId = subject.Id, ViewerSub = e.ViewerSub, ViewerAgency = e.ViewerAgency,
            ViewerRole = e.ViewerRole, Recipient = e.Recipient, Channel = e.Channel, Operation = e.Operation, Purpose = e.Purpose,
            At = Formats.Instant(e.At), TraceId = e.TraceId ?? "", Hash = e.Mac, Reason = e.Reason ?? "",
            Verification = verification, VerificationDetail = detail,
        };
        entry.Classes.AddRange(e.Classes);
        return entry;
    }
}
