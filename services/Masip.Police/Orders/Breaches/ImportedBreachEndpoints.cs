using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Orders.Breaches;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Police.Orders;

/// <summary>Imported breach reports whose order is not certain: the officer's queue, oldest first, and the confirmation.</summary>
public sealed partial class PoliceOrdersGrpc
{
    public override async Task<BreachesToConfirmReply> ListBreachesToConfirm(ListBreachesToConfirmRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var waiting = query.Query<ImportedBreach>().Where(b => b.Status == ImportedBreach.ToConfirm);
        var items = await waiting.OrderBy(b => b.QueuedAt).ThenBy(b => b.Id).Skip(offset).Take(size).ToListAsync(ct);
        var reply = new BreachesToConfirmReply { Page = Paging.OffsetInfo(offset, items.Count, await waiting.CountAsync(ct)) };
        reply.Breaches.AddRange(items.Select(ToReply));
        return reply;
    }

    public override Task<BreachToConfirm> ConfirmImportedBreach(ConfirmImportedBreachRequest request, ServerCallContext context)
    {
        var command = new ConfirmImportedBreach(Require.Id(request.CaseId, "case_id"),
            string.IsNullOrEmpty(request.OrderId) ? null : Require.Id(request.OrderId, "order_id"), Require.Text(request.Reason, "reason"));
        return pipeline.Run(context,
            scope => ImportedBreaches.Confirm(scope, command),
            async scope => ToReply(await scope.Require<ImportedBreach>(ImportedBreach.IdFor(command.CaseId), "case_id")));
    }

    private static BreachToConfirm ToReply(ImportedBreach b)
    {
        var reply = new BreachToConfirm
        {
            CaseId = b.CaseId.ToString(),
            CrimeReference = b.CrimeReference,
            PerpetratorId = b.PerpetratorId.ToString(),
            Reason = b.Reason,
            Status = b.Status,
            OrderId = b.OrderId?.ToString() ?? "",
            QueuedAt = Formats.Instant(b.QueuedAt),
        };
        reply.CandidateOrderIds.AddRange(b.CandidateOrderIds.Select(id => id.ToString()));
        return reply;
    }
}
