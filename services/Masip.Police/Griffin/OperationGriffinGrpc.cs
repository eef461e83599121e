using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin;

/// <summary>Operation Griffin: each command rpc lives beside its use case in Nominating/; every command goes through the pipeline.</summary>
public sealed partial class OperationGriffinGrpc(CommandPipeline pipeline, IQuerySession query, TimeProvider clock) : OperationGriffin.OperationGriffinBase
{
    /// <summary>A command on one nominal that must exist: decided as the caller, answered from the nominal it changed.</summary>
    private Task<NominalReply> OnNominal(ServerCallContext call, Guid nominalId, Func<Nominal, CommandScope, IReadOnlyList<object>> decide) =>
        pipeline.OnStream(call, nominalId, "nominal_id", decide, ToReply);

    private NominalReply ToReply(Nominal n) => ToReply(n, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    private static NominalReply ToReply(Nominal n, DateOnly today)
    {
        var reply = new NominalReply
        {
            NominalId = n.Id.ToString(),
            PerpetratorId = n.PerpetratorId.ToString(),
            CaseId = n.CaseId.ToString(),
            Status = n.Status,
            PerpetratorName = n.PerpetratorName,
            PncId = n.PncId ?? "",
            Rationale = n.Rationale,
            ReviewDue = n.ReviewDue is { } r ? Formats.Date(r) : "",
            DecisionReason = n.DecisionReason ?? "",
            RemovalReason = n.RemovalReason ?? "",
            NominatedAt = Formats.Instant(n.NominatedAt),
            RiskLevel = n.RiskLevel ?? "",
            ReviewStatus = Reviewing.NominalReviews.StatusOf(n, today) ?? "",
        };
        reply.Criteria.AddRange(n.Criteria);
        reply.Alerts.AddRange(n.Alerts.Select(a => new GriffinAlert
        {
            Activity = a.Activity, CrimeReference = a.CrimeReference ?? "", OccurredAt = Formats.Instant(a.OccurredAt),
        }));
        return reply;
    }
}
