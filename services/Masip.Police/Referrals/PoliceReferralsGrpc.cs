using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Perpetrators;
using Masip.Police.Restrictions;
using Masip.Police.Referrals.ReferringPerpetrators;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals;

/// <summary>Referrals out; each command's endpoint lives beside its use case (ReferringVictimToAdvocacy/...).</summary>
public sealed partial class PoliceReferralsGrpc(CommandPipeline pipeline, IQuerySession query) : PoliceReferrals.PoliceReferralsBase
{
    /// <summary>A perpetrator's referral (NHS or probation): the case must exist and name an identified suspect.</summary>
    private Task<PerpetratorReferralReply> Refer(ServerCallContext call, ReferPerpetrator command) =>
        pipeline.Run(call,
            async scope =>
            {
                var stream = await scope.Stream<PerpetratorReferral>(command.ReferralId);
                var @case = await scope.Require<StacCase>(command.CaseId, "case_id");
                await RestrictedAccess.CheckCommand(@case, call);
                var perpetrator = @case.PerpetratorId is { } id ? await scope.Load<Perpetrator>(id) : null;
                stream.AppendMany(ReferPerpetratorDecision.Decide(stream.Aggregate, @case, perpetrator, command, scope.Actor, scope.Now));
            },
            async scope => ToReply(await scope.Require<PerpetratorReferral>(command.ReferralId, "referral_id")));

    private static PerpetratorReferralReply ToReply(PerpetratorReferral referral) => new()
    {
        ReferralId = referral.Id.ToString(),
        CaseId = referral.CaseId.ToString(),
        PerpetratorId = referral.PerpetratorId.ToString(),
        Receiver = referral.Receiver,
        Request = referral.Request,
        Reason = referral.Reason,
        ReferredBy = referral.ReferredBy,
        ReferredAt = Formats.Instant(referral.ReferredAt),
    };

    private static VictimReferralReply ToReply(VictimReferral referral) => new()
    {
        ReferralId = referral.Id.ToString(),
        CrimeReference = referral.CrimeReference,
        VictimName = referral.VictimName,
        VictimPhone = referral.VictimPhone ?? "",
        VictimEmail = referral.VictimEmail ?? "",
        Reason = referral.Reason,
        ReferredBy = referral.ReferredBy,
        ReferredAt = Formats.Instant(referral.ReferredAt),
    };
}
