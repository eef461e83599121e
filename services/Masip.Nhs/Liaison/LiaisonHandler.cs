using Marten;
using Masip.Nhs.Liaison.RecordingCourtReports;
using Masip.Nhs.Liaison.RecordingCustodyContacts;

namespace Masip.Nhs.Liaison;

/// <summary>Appends a liaison record (custody contact, court report request) to its own stream.</summary>
public sealed class LiaisonHandler(IDocumentStore store, TimeProvider clock)
{
    public Task<CustodyContact> Handle(RecordCustodyContact command, CancellationToken cancellationToken) =>
        Append<CustodyContact>(command.ContactId, (current, now) => RecordCustodyContactDecision.Decide(current, command, now), cancellationToken);

    public Task<CourtReport> Handle(RecordCourtReportRequest command, CancellationToken cancellationToken) =>
        Append<CourtReport>(command.ReportId, (current, now) => RecordCourtReportRequestDecision.Decide(current, command, now), cancellationToken);

    private async Task<T> Append<T>(Guid id, Func<T?, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken cancellationToken)
        where T : class
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<T>(id, cancellationToken);
        var events = decide(stream.Aggregate, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(cancellationToken);
        return await session.LoadAsync<T>(id, cancellationToken)
            ?? throw new InvalidOperationException("The record was saved but its read model is missing.");
    }
}
