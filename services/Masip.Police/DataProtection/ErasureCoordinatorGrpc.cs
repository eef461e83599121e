using Grpc.Core;
using Masip.Contracts.DataProtection;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.DataProtection;

/// <summary>The police DPO's erasure requests across the four agencies (erasure.proto).</summary>
public sealed class ErasureCoordinatorGrpc(CommandPipeline pipeline) : ErasureCoordinator.ErasureCoordinatorBase
{
    public override Task<ErasureRequestReply> RequestErasure(RequestErasureRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.RequestId, "request_id");
        var subject = new DataSubject(Require.Text(request.Name, "name", 200),
            string.IsNullOrEmpty(request.DateOfBirth) ? null : Require.Date(request.DateOfBirth, "date_of_birth"));
        if (subject.Key.Length == 0)
            throw new InvalidFieldException("name", "holds no letter or digit");
        var reason = Require.Text(request.Reason, "reason", 1000);
        return pipeline.OnNewOrExisting<ErasureRequest, ErasureRequestReply>(context, id, "request_id",
            (current, scope) => ErasureRequest.Decide(current, new SubjectErasureRequestRecorded(id, subject.Key, subject.DateOfBirth,
                ErasureRequest.HashOf(id, subject.Key, subject.DateOfBirth), reason, scope.Actor.Subject, scope.Now)),
            ToReply);
    }

    public override Task<ErasureRequestReply> GetErasureRequest(GetErasureRequestRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.RequestId, "request_id");
        // Read through the pipeline's reply (filtered and audited like any other); answers alone are not yet a request.
        return pipeline.Run(context, _ => Task.CompletedTask, async scope =>
            await scope.Load<ErasureRequest>(id) is { Requested: true } r ? ToReply(r) : throw NotFound.For<ErasureRequest>("request_id", id));
    }

    private static ErasureRequestReply ToReply(ErasureRequest r)
    {
        var reply = new ErasureRequestReply { RequestId = r.Id.ToString(), RequestedAt = Formats.Instant(r.RequestedAt), Complete = r.Complete };
        reply.Parts.AddRange(ErasureRequest.Agencies.Select(agency => r.Parts.FirstOrDefault(p => p.Agency == agency) is { } p
            ? new ErasurePart
            {
                Agency = agency, State = p.State, ErasureId = p.ErasureId.ToString(), Records = p.Records, RowsRewritten = p.RowsRewritten,
                Refusal = p.Refusal, AnsweredAt = Formats.Instant(p.AnsweredAt),
            }
            : new ErasurePart { Agency = agency, State = "pending" }));
        return reply;
    }
}
