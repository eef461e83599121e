using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Restrictions;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Intake;

public sealed partial class PoliceIntakeGrpc
{
    /// <summary>A restricted case is read only by its named officers, with a reason, and its supervisor is alerted (RestrictedAccess).</summary>
    public override async Task<CaseReply> GetCase(GetCaseRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.CaseId, "case_id");
        var c = await query.LoadAsync<StacCase>(id, context.CancellationToken) ?? throw NotFound.For<StacCase>("case_id", id);
        await context.GetHttpContext().RequestServices.GetRequiredService<RestrictedAccess>().CheckRead(c, context);
        return CaseReplies.ToReply(c, clock.GetUtcNow(), clocks.Value.VictimUpdateCadenceDays);
    }
}
