using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Orders;
using Masip.Police.Perpetrators;
using Masip.Police.Restrictions;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Masip.Police.Spo;

/// <summary>The SPO on a case (PoliceSpo): each rpc lives beside its use case in Recording/; every command goes through the pipeline.</summary>
public sealed partial class PoliceSpoGrpc(CommandPipeline pipeline, IOptions<ClockOptions> clocks, ILogger<PoliceSpoGrpc> logger) : PoliceSpo.PoliceSpoBase
{
    /// <summary>A command on one case that must exist, decided as the caller; an order it grants also marks the perpetrator.</summary>
    private Task<CaseReply> OnCase(ServerCallContext call, Guid caseId, Func<StacCase, CommandScope, IReadOnlyList<object>> decide) =>
        pipeline.Run(call,
            async scope =>
            {
                var stream = await scope.Existing<StacCase>(caseId, "case_id");
                await RestrictedAccess.CheckCommand(stream.Aggregate!, call);
                var events = decide(stream.Aggregate!, scope);
                stream.AppendMany(events);
                AlsoOnThePerpetrator(scope, stream.Aggregate!, events);
                await SpoOrders.Mirror(scope, stream.Aggregate!, events, logger);
            },
            async scope => CaseReplies.ToReply(await scope.Require<StacCase>(caseId, "case_id"), scope.Now, clocks.Value.VictimUpdateCadenceDays));

    // An order in force marks the perpetrator: a later report naming them is "existing SPO" in the queue.
    private static void AlsoOnThePerpetrator(CommandScope scope, StacCase current, IReadOnlyList<object> events)
    {
        if (current.PerpetratorId is not { } perpetratorId)
            return;
        foreach (var granted in events.OfType<SpoDecided>().Where(d => d.Granted))
            scope.Session.Events.Append(perpetratorId, new PerpetratorOrderInForce(perpetratorId, current.Id, "spo", granted.RecordedAt));
    }

    private static List<string> Prohibitions(IEnumerable<string> values) => [.. values.Select(p => Require.Text(p, "prohibitions"))];

    private static List<string> Requirements(IEnumerable<string> values) =>
        [.. values.Select(r => Require.OneOf(r, "requirements", SpoDecisions.RequirementCatalogue)).Distinct()];
}
