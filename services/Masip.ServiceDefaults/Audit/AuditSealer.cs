using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Subscriptions;

namespace Masip.ServiceDefaults.Audit;

/// <summary>
/// Links every disclosure into the keyed chain of each subject it names, in the order the event
/// store committed them. Run by the async daemon (one node of a service at a time), so the chain
/// has one writer and readers never fight over its head; the links and heads commit in the same
/// transaction as the sealer's position, so a page is sealed once.
/// </summary>
public sealed class AuditSealer : SubscriptionBase
{
    public const string SealerName = "audit-sealer";

    private readonly AuditKey _key;

    public AuditSealer(AuditKey key)
    {
        _key = key;
        Name = SealerName;
        IncludeType<DisclosureRecorded>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(
        EventRange page, ISubscriptionController controller, IDocumentOperations operations, CancellationToken cancellationToken)
    {
        var entries = page.Events.Where(e => e.Data is DisclosureRecorded).ToList();
        if (entries.Count == 0)
            return NullChangeListener.Instance;
        var keys = entries.SelectMany(e => ((DisclosureRecorded)e.Data).Subjects.Select(s => s.Key)).Distinct().ToArray();
        var heads = (await operations.LoadManyAsync<AuditHead>(cancellationToken, keys)).ToDictionary(h => h.Id);
        var touched = new HashSet<string>();
        foreach (var @event in entries)
        {
            var entry = (DisclosureRecorded)@event.Data;
            foreach (var subject in entry.Subjects.Select(s => s.Key).Distinct())
            {
                var head = heads.GetValueOrDefault(subject) ?? new AuditHead { Id = subject };
                var position = head.Entries + 1;
                var hash = AuditLink.HashOf(_key, head.LastHash, position, subject, entry.Mac);
                operations.Store(new AuditLink
                {
                    Id = AuditLink.IdFor(subject, position), SubjectKey = subject, Position = position, EntryId = entry.EntryId,
                    Sequence = @event.Sequence, ViewerSub = entry.ViewerSub, At = entry.At, Hash = hash,
                });
                head.Entries = position;
                head.LastHash = hash;
                head.LastEntryId = entry.EntryId;
                head.HeadMac = AuditHead.MacOf(_key, subject, position, hash, entry.EntryId);
                heads[subject] = head;
                touched.Add(subject);
            }
        }
        operations.Store([.. touched.Select(k => heads[k])]);
        return NullChangeListener.Instance;
    }
}
