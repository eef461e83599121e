using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Restrictions;
using Masip.ServiceDefaults.Commands;
using Microsoft.Extensions.Options;

namespace Masip.Police.Reviews;

/// <summary>
/// The morning review (StacReviews): the queue, screening, tiers, clocks, closure. Each rpc lives
/// beside its use case (ReviewingReports/ReviewReportEndpoint.cs, Queue/..., Clocks/...); every
/// command goes through the command pipeline as the caller.
/// </summary>
public sealed partial class StacReviewsGrpc(CommandPipeline pipeline, IQuerySession query, TimeProvider clock, IOptions<ClockOptions> clocks)
    : StacReviews.StacReviewsBase
{
    private int DefaultCadence => clocks.Value.VictimUpdateCadenceDays;

    /// <summary>A command on one case that must exist: decided as the caller, answered from the case it changed.</summary>
    private Task<CaseReply> OnCase(ServerCallContext call, Guid caseId, Func<StacCase, CommandScope, IReadOnlyList<object>> decide) =>
        pipeline.OnStream<StacCase, CaseReply>(call, caseId, "case_id", (c, scope) => decide(RestrictedAccess.CheckCommand(c, scope.Actor), scope), ToReply);

    private CaseReply ToReply(StacCase c) => CaseReplies.ToReply(c, clock.GetUtcNow(), DefaultCadence);
}
