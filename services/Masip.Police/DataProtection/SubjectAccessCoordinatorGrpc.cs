using System.Globalization;
using Grpc.Core;
using Masip.Contracts.DataProtection;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.DataProtection;

/// <summary>The police DPO's subject-access requests across the four agencies (dataprotection.proto).</summary>
public sealed class SubjectAccessCoordinatorGrpc(CommandPipeline pipeline) : SubjectAccessCoordinator.SubjectAccessCoordinatorBase
{
    public override Task<SubjectAccessRequestReply> RequestSubjectAccess(RequestSubjectAccessRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.RequestId, "request_id");
        var name = Require.Text(request.Name, "name", 200);
        DateOnly? dob = string.IsNullOrEmpty(request.DateOfBirth) ? null : Require.Date(request.DateOfBirth, "date_of_birth");
        return pipeline.OnNewOrExisting<SubjectAccessRequest, SubjectAccessRequestReply>(context, id, "request_id",
            (current, scope) => SubjectAccessRequest.Decide(current, new SubjectAccessRequested(id, name, dob, scope.Actor.Subject, scope.Now)),
            ToReply);
    }

    public override Task<SubjectAccessRequestReply> GetSubjectAccessRequest(GetSubjectAccessRequestRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.RequestId, "request_id");
        // A read of the request through the pipeline's reply (filtered and audited like any other).
        return pipeline.Run(context, _ => Task.CompletedTask, async scope => ToReply(await scope.Require<SubjectAccessRequest>(id, "request_id")));
    }

    private static SubjectAccessRequestReply ToReply(SubjectAccessRequest r)
    {
        var reply = new SubjectAccessRequestReply
        {
            RequestId = r.Id.ToString(), Name = r.Name, DateOfBirth = r.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            RequestedAt = Formats.Instant(r.RequestedAt), Complete = r.Awaiting.Count == 0,
        };
        reply.Parts.AddRange(r.Parts.OrderBy(p => p.Agency, StringComparer.Ordinal).Select(p => new SubjectAccessPart
        {
            Agency = p.Agency, ExportId = p.ExportId.ToString(), Records = p.Records, Disclosures = p.Disclosures,
            WithheldValues = p.WithheldValues, Sha256 = p.Sha256, PreparedAt = Formats.Instant(p.PreparedAt),
        }));
        reply.Awaiting.AddRange(r.Awaiting);
        return reply;
    }
}
