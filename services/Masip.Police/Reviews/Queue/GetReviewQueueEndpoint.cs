using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Reviews.Queue;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews;

public sealed partial class StacReviewsGrpc
{
    public override async Task<ReviewQueueReply> GetReviewQueue(GetReviewQueueRequest request, ServerCallContext context)
    {
        var filter = new ReviewQueueFilter(
            string.IsNullOrWhiteSpace(request.ReportedFrom) ? null : Require.Date(request.ReportedFrom, "reported_from"),
            string.IsNullOrWhiteSpace(request.ReportedTo) ? null : Require.Date(request.ReportedTo, "reported_to"),
            string.IsNullOrWhiteSpace(request.Offence) ? null : Require.OneOf(request.Offence, "offence", Offences.ByWireName),
            Require.OptionalText(request.Borough, "borough"),
            Require.OptionalText(request.Unit, "unit"),
            string.IsNullOrWhiteSpace(request.Flag) ? null : Require.OneOf(request.Flag, "flag", ReviewQueue.Flags));
        var (items, page) = await ReviewQueue.Read(query, filter, request.Page, context.CancellationToken);
        var reply = new ReviewQueueReply { Page = page };
        reply.Items.AddRange(items.Select(c =>
        {
            var item = new ReviewQueueItem
            {
                CaseId = c.Id.ToString(),
                CrimeReference = c.CrimeReference,
                Offence = Offences.Name(c.Principal),
                ReportedOn = Formats.Date(c.ReportedOn),
                SuspectKnown = c.SuspectKnown,
                PerpetratorId = c.PerpetratorId?.ToString() ?? "",
                Borough = c.Borough,
                Unit = c.Unit ?? "",
                DomesticAbuse = c.Report.Flags.DomesticAbuse,
                OnlineElement = c.Report.Flags.OnlineElement,
                ChildrenInvolved = c.Report.Flags.ChildrenInvolved,
                PolicePerpetrated = c.Report.Flags.PolicePerpetrated,
                S4AProposed = c.S4aProposed,
            };
            item.SuspectKnownReasons.AddRange(c.SuspectKnownReasons);
            return c.Restriction is null ? item : Restricted(item);
        }));
        return reply;
    }

    /// <summary>A restricted case's row: its id, offence and date keep its place in the queue; the rest is read through GetCase.</summary>
    private static ReviewQueueItem Restricted(ReviewQueueItem item) => new()
    {
        CaseId = item.CaseId, Offence = item.Offence, ReportedOn = item.ReportedOn, Restricted = true,
    };
}
