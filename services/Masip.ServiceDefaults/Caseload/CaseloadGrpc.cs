using Grpc.Core;
using Marten;
using Masip.Contracts.Caseload;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Caseload;

public static class CaseloadModule
{
    /// <summary>Every service: the caseload assignments, the gate on single-record reads (the agency declares its reads: AddCaseloadRead).</summary>
    public static IServiceCollection AddCaseload(this IServiceCollection services)
    {
        services.ConfigureMarten(store => store.Projections.Snapshot<CaseloadAssignment>(JasperFx.Events.Projections.SnapshotLifecycle.Inline));
        services.AddSingleton<CaseloadGate>();
        return services;
    }
}

/// <summary>Putting a record on a practitioner's caseload, and who holds it (caseload.proto), through the one command pipeline.</summary>
public sealed class CaseloadGrpc(CommandPipeline pipeline, CaseloadGate gate, IQuerySession query) : Contracts.Caseload.Caseload.CaseloadBase
{
    public override Task<CaseloadAssignmentReply> AssignCaseload(AssignCaseloadRequest request, ServerCallContext context)
    {
        var read = Read(request.Kind);
        var recordId = Require.Id(request.RecordId, "record_id");
        var assignee = Require.Text(request.Assignee, "assignee", 100);
        var id = CaseloadAssignment.IdFor(read.Kind, recordId);
        return pipeline.OnNewOrExisting<CaseloadAssignment, CaseloadAssignmentReply>(context, id, "record_id",
            (current, scope) => CaseloadAssignment.Decide(current,
                new CaseloadAssigned(id, read.Kind, recordId, assignee, scope.Actor.Subject, scope.Now)),
            a => new CaseloadAssignmentReply
            {
                Kind = a.Kind, RecordId = a.RecordId.ToString(), Assignee = a.Assignee, Source = "assignment", AssignedBy = a.AssignedBy,
                AssignedAt = Formats.Instant(a.AssignedAt),
            });
    }

    public override async Task<CaseloadAssignmentReply> GetCaseloadAssignment(GetCaseloadAssignmentRequest request, ServerCallContext context)
    {
        var read = Read(request.Kind);
        var recordId = Require.Id(request.RecordId, "record_id");
        var ct = context.CancellationToken;
        var reply = new CaseloadAssignmentReply { Kind = read.Kind, RecordId = recordId.ToString(), Source = "none" };
        if (await query.LoadAsync<CaseloadAssignment>(CaseloadAssignment.IdFor(read.Kind, recordId), ct) is { } a)
            (reply.Assignee, reply.Source, reply.AssignedBy, reply.AssignedAt) = (a.Assignee, "assignment", a.AssignedBy, Formats.Instant(a.AssignedAt));
        else if (await CaseloadGate.AssigneeAsync(query, read, recordId, ct) is { } domain)
            (reply.Assignee, reply.Source) = (domain, "domain");
        return reply;
    }

    // The kinds this agency's single-record reads declare (one read per kind is enough to name it).
    private CaseloadRead Read(string kind) =>
        gate.Reads.FirstOrDefault(r => r.Kind == kind)
        ?? throw new InvalidFieldException("kind", $"must be one of: {string.Join(", ", gate.Reads.Select(r => r.Kind).Distinct().Order())}");
}
