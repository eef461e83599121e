using Grpc.Core;
using JasperFx.Events;
using Marten;
using Masip.Contracts.Audit;
using Masip.ServiceDefaults.Errors;

namespace Masip.ServiceDefaults.Audit;

/// <summary>The auditor's questions: who saw this subject, what did this user see, is the chain intact.</summary>
public sealed class DisclosureAuditGrpc(IQuerySession query) : DisclosureAudit.DisclosureAuditBase
{
    private const int MaxEntries = 5000;

    public override async Task<DisclosuresReply> WhoSawSubject(WhoSawSubjectRequest request, ServerCallContext context)
    {
        var kind = Require.Text(request.SubjectKind, "subject_kind", 40);
        var id = Require.Text(request.SubjectId, "subject_id", 100);
        var events = await query.Events.FetchStreamAsync(AuditChain.StreamIdFor(kind, id), token: context.CancellationToken);
        var reply = new DisclosuresReply();
        reply.Entries.AddRange(events.Where(e => e.Data is DisclosureRecorded).Select(e => ToEntry((DisclosureRecorded)e.Data, e.Version)));
        return reply;
    }

    public override async Task<DisclosuresReply> WhatUserSaw(WhatUserSawRequest request, ServerCallContext context)
    {
        var sub = Require.Text(request.ViewerSub, "viewer_sub", 200);
        var entries = await query.Events.QueryRawEventDataOnly<DisclosureRecorded>()
            .Where(e => e.ViewerSub == sub)
            .OrderBy(e => e.At)
            .Take(MaxEntries)
            .ToListAsync(context.CancellationToken);
        var reply = new DisclosuresReply();
        reply.Entries.AddRange(entries.Select(e => ToEntry(e, 0)));
        return reply;
    }

    public override async Task<ChainVerificationReply> VerifySubjectChain(VerifySubjectChainRequest request, ServerCallContext context)
    {
        var kind = Require.Text(request.SubjectKind, "subject_kind", 40);
        var id = Require.Text(request.SubjectId, "subject_id", 100);
        var events = await query.Events.FetchStreamAsync(AuditChain.StreamIdFor(kind, id), token: context.CancellationToken);
        if (events.Count == 0)
            throw new RecordNotFoundException("subject_id", $"no disclosures recorded about {kind} {id}");
        return Verify(events);
    }

    /// <summary>Recomputes every hash in order; the first entry that does not match names the broken row.</summary>
    public static ChainVerificationReply Verify(IReadOnlyList<IEvent> events)
    {
        var previous = DisclosureRecorded.Genesis;
        long checkedCount = 0;
        foreach (var @event in events)
        {
            if (@event.Data is not DisclosureRecorded entry)
                continue;
            checkedCount++;
            string? reason = null;
            if (entry.PreviousHash != previous)
                reason = "its previous hash does not match the entry before it";
            else if (entry.ComputeHash() != entry.Hash)
                reason = "its content does not match its hash (altered after it was written)";
            if (reason is not null)
                return new ChainVerificationReply
                {
                    Valid = false, EntriesChecked = checkedCount, FirstBrokenVersion = @event.Version,
                    FirstBrokenEntryId = entry.EntryId.ToString(), Reason = $"entry {entry.EntryId} (version {@event.Version}, sequence {@event.Sequence}): {reason}",
                };
            previous = entry.Hash;
        }
        return new ChainVerificationReply { Valid = true, EntriesChecked = checkedCount };
    }

    private static DisclosureEntry ToEntry(DisclosureRecorded e, long version)
    {
        var entry = new DisclosureEntry
        {
            EntryId = e.EntryId.ToString(), Version = version, SubjectKind = e.SubjectKind, SubjectId = e.SubjectId,
            ViewerSub = e.ViewerSub, ViewerAgency = e.ViewerAgency, ViewerRole = e.ViewerRole, Recipient = e.Recipient,
            Channel = e.Channel, Operation = e.Operation, Purpose = e.Purpose, At = Formats.Instant(e.At),
            TraceId = e.TraceId ?? "", Hash = e.Hash,
        };
        entry.Classes.AddRange(e.Classes);
        return entry;
    }
}
