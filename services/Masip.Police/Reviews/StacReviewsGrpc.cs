using System.Globalization;
using Grpc.Core;
using Marten;
using Masip.Contracts.Common;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Reviews.Queue;
using Masip.Police.Reviews.Reclassifying;
using Masip.Police.Reviews.Retiering;
using Masip.Police.Reviews.ReviewingReports;
using Masip.Police.Spo;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Masip.Police.Reviews;

public sealed class StacReviewsGrpc(CaseCommands cases, IQuerySession query, TimeProvider clock, IOptions<ClockOptions> clocks)
    : StacReviews.StacReviewsBase
{
    private int DefaultCadence => clocks.Value.VictimUpdateCadenceDays;

    public override async Task<ReviewQueueReply> GetReviewQueue(GetReviewQueueRequest request, ServerCallContext context)
    {
        var filter = new ReviewQueueFilter(
            string.IsNullOrWhiteSpace(request.ReportedFrom) ? null : Require.Date(request.ReportedFrom, "reported_from"),
            string.IsNullOrWhiteSpace(request.ReportedTo) ? null : Require.Date(request.ReportedTo, "reported_to"),
            string.IsNullOrWhiteSpace(request.Offence) ? null : Require.OneOf(request.Offence, "offence", Offences.ByWireName),
            Require.OptionalText(request.Borough, "borough", 100),
            Require.OptionalText(request.Unit, "unit", 100),
            string.IsNullOrWhiteSpace(request.Flag) ? null : Require.OneOf(request.Flag, "flag", ReviewQueue.Flags));
        var (offset, size) = Paging.Read(request.Page);
        var page = await ReviewQueue.Read(query, filter, offset, size, context.CancellationToken);
        var reply = new ReviewQueueReply { Total = page.Total, NextPageToken = page.NextOffset?.ToString(CultureInfo.InvariantCulture) ?? "" };
        reply.Items.AddRange(page.Items.Select(c =>
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
            };
            item.SuspectKnownReasons.AddRange(c.SuspectKnownReasons);
            return item;
        }));
        return reply;
    }

    public override async Task<CaseReply> ReviewReport(ReviewReportRequest request, ServerCallContext context)
    {
        var command = new ReviewReport(
            Require.Id(request.CaseId, "case_id"),
            new FourAnswers(request.Fixated, request.Obsessive, request.Unwanted, request.RepeatedConduct),
            Require.OneOf(request.RiskLevel, "risk_level", RiskLevels.Allowed),
            Require.Text(request.RiskRationale, "risk_rationale"),
            Require.OptionalText(request.AdviceToOic, "advice_to_oic"),
            Tiers.Check(request.Tier, "tier"),
            Require.Text(request.TierReasons, "tier_reasons"),
            Require.Text(request.ReviewedBy, "reviewed_by", 100),
            request.ReReview);
        return await Run(command.CaseId, (c, now) => ReviewReportDecision.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> Retier(RetierRequest request, ServerCallContext context)
    {
        var command = new Retier(
            Require.Id(request.CaseId, "case_id"),
            Tiers.Check(request.Tier, "tier"),
            Require.Text(request.Reason, "reason"),
            Require.Text(request.TieredBy, "tiered_by", 100));
        return await Run(command.CaseId, (c, now) => RetierDecision.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> ReclassifyReport(ReclassifyReportRequest request, ServerCallContext context)
    {
        var command = new ReclassifyReport(
            Require.Id(request.CaseId, "case_id"),
            Require.OneOf(request.PrincipalClassification, "principal_classification", Offences.ByWireName),
            [.. request.IncludedClassifications.Select(c => Require.OneOf(c, "included_classifications", Offences.ByWireName))],
            Require.Text(request.Reason, "reason"),
            Require.Text(request.ReclassifiedBy, "reclassified_by", 100));
        return await Run(command.CaseId, (c, now) => ReclassifyReportDecision.Decide(c, command, now), context);
    }

    public override async Task<ClocksReply> GetClocks(GetClocksRequest request, ServerCallContext context)
    {
        var c = await CaseCommands.Load(query, Require.Id(request.CaseId, "case_id"), context.CancellationToken);
        return CaseReplies.ToReply(c, CaseClocks.For(c, clock.GetUtcNow(), DefaultCadence));
    }

    public override async Task<ProsecutionAlertsReply> ListProsecutionAlerts(ListProsecutionAlertsRequest request, ServerCallContext context)
    {
        var (offset, size) = Paging.Read(request.Page);
        var now = clock.GetUtcNow();
        var page = await ProsecutionAlerts.Read(query, now, offset, size, context.CancellationToken);
        var reply = new ProsecutionAlertsReply { NextPageToken = page.NextOffset?.ToString(CultureInfo.InvariantCulture) ?? "" };
        reply.Alerts.AddRange(page.Items.Select(c =>
        {
            var clocksNow = CaseClocks.For(c, now, DefaultCadence);
            return new ProsecutionAlert
            {
                CaseId = c.Id.ToString(),
                CrimeReference = c.CrimeReference,
                OffenceDate = Formats.Date(c.OffenceDate),
                ProsecutionLimitDate = Formats.Date(clocksNow.ProsecutionLimitDate!.Value),
                DaysToProsecutionLimit = clocksNow.DaysToProsecutionLimit ?? 0,
                Status = CaseStatuses.Name(c.Status),
                OfficerInCase = c.Report.OfficerInCase,
            };
        }));
        return reply;
    }

    public override async Task<CaseReply> AgreeVictimUpdateCadence(AgreeVictimUpdateCadenceRequest request, ServerCallContext context)
    {
        var command = new AgreeVictimUpdateCadence(
            Require.Id(request.CaseId, "case_id"),
            request.Days,
            Require.OneOf(request.AgreedWith, "agreed_with", VictimUpdateDecisions.AgreedWith),
            Require.Text(request.RecordedBy, "recorded_by", 100));
        if (command.Days is < 1 or > 90)
            throw new InvalidFieldException("days", $"must be between 1 and 90; got {command.Days}");
        return await Run(command.CaseId, (c, now) => VictimUpdateDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> RecordVictimUpdate(RecordVictimUpdateRequest request, ServerCallContext context)
    {
        var command = new RecordVictimUpdate(
            Require.Id(request.CaseId, "case_id"),
            Require.OneOf(request.Channel, "channel", VictimUpdateDecisions.Channels),
            Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.CaseId, (c, now) => VictimUpdateDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> CloseCase(CloseCaseRequest request, ServerCallContext context)
    {
        var command = new CloseCase(
            Require.Id(request.CaseId, "case_id"),
            Require.OneOf(request.Outcome, "outcome", CloseCaseDecision.Outcomes),
            Require.Text(request.Reason, "reason"),
            Require.Text(request.ClosedBy, "closed_by", 100));
        return await Run(command.CaseId, (c, now) => CloseCaseDecision.Decide(c, command, now), context);
    }

    private async Task<CaseReply> Run(Guid caseId, Func<StacCase, DateTimeOffset, IReadOnlyList<object>> decide, ServerCallContext context) =>
        CaseReplies.ToReply(await cases.Run(caseId, decide, context.CancellationToken), clock.GetUtcNow(), DefaultCadence);
}

public static class Paging
{
    /// <summary>page_size 1..500 (0: 50); page_token: the offset the previous reply gave.</summary>
    public static (int Offset, int Size) Read(PageRequest? page)
    {
        var size = page?.PageSize ?? 0;
        if (size is < 0 or > 500)
            throw new InvalidFieldException("page.page_size", $"must be between 1 and 500; got {size}");
        var offset = 0;
        if (!string.IsNullOrWhiteSpace(page?.PageToken) &&
            (!int.TryParse(page.PageToken, NumberStyles.None, CultureInfo.InvariantCulture, out offset) || offset < 0))
            throw new InvalidFieldException("page.page_token", "is not a token this service gave");
        return (offset, size == 0 ? 50 : size);
    }
}
