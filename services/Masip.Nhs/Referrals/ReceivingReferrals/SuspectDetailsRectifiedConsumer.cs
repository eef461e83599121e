using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Nhs.Referrals.ReceivingReferrals;

/// <summary>
/// The police corrected the suspect's name or date of birth on a case whose suspect they referred
/// here: every police referral of that case takes the correction (UK GDPR Art. 19; DPA 2018 s48(9))
/// once (the inbox) and in order (the decider keeps the latest by the police's time and version,
/// whatever order the messages arrive in).
/// </summary>
public sealed class SuspectDetailsRectifiedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<SuspectDetailsRectifiedConsumer> logger)
    : InboxConsumer<SuspectDetailsRectifiedV1>(pipeline, service, logger)
{
    protected override async Task Handle(SuspectDetailsRectifiedV1 message, CommandScope scope, ConsumeContext<SuspectDetailsRectifiedV1> context)
    {
        var caseId = message.CaseId;
        var ids = await scope.Session.Query<Referral>()
            .Where(r => r.CaseId == caseId && r.Route == Referral.Police)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(scope.Cancellation);
        foreach (var (id, rectified) in await Rectification.FromPartner<Referral>(scope, ids,
                     (referral, version) => ReferralRectification.FromPolice(referral, message, version)))
            logger.LogInformation("Referral {ReferralId}: {Field} corrected from the police's case {CaseId}", id, rectified.Field, message.CaseId);
    }
}
