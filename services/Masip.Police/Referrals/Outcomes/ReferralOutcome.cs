using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Referrals.Outcomes;

/// <summary>
/// What the receiver of one of the police's referrals decided (issue 18.4), keyed by the referral
/// id: accepted, declined with its reason, or could not contact (an advocacy decline for that
/// reason). The newest decision in the receiver's order stands (<see cref="Sequence"/>): an older
/// one delivered late changes nothing.
/// </summary>
public sealed record ReferralOutcome(Guid Id, string Receiver, string Outcome, string? Reason, DateTimeOffset DecidedAt, long? Sequence);

public static class ReferralOutcomes
{
    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string CouldNotContact = "could-not-contact";
    public const string Awaiting = "awaiting";

    /// <summary>An advocate who could not reach the victim declines with that reason ("could not contact ...").</summary>
    public static string Of(bool accepted, string? reason) =>
        accepted ? Accepted
        : reason is { } r && r.Replace('-', ' ').TrimStart().StartsWith("could not contact", StringComparison.OrdinalIgnoreCase) ? CouldNotContact
        : Declined;

    public static async Task Apply(CommandScope scope, MessageSource source, Guid referralId, string receiver, bool accepted, string? reason,
        DateTimeOffset decidedAt, ILogger logger)
    {
        var held = await scope.Load<ReferralOutcome>(referralId);
        if (!source.IsNewerThan(held?.Sequence))
        {
            logger.LogInformation("Decision on referral {ReferralId} ignored: older than the one held", referralId);
            return;
        }
        NewestNews.Keep(scope.Session, held, new ReferralOutcome(referralId, receiver, Of(accepted, reason), reason, decidedAt,
            NewestNews.Applied(source, held?.Sequence)));
        logger.LogInformation("Referral {ReferralId}: {Receiver} decided", referralId, receiver);
    }
}

/// <summary>
/// Advocacy accepted or declined a victim the police referred. Advocacy decides on referrals from
/// other routes too (the helpline, self-referrals): only a referral the police hold is kept.
/// </summary>
public sealed class AdvocacyReferralDecidedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<AdvocacyReferralDecidedConsumer> logger)
    : InboxConsumer<AdvocacyReferralDecidedV1>(pipeline, service, logger)
{
    protected override async Task Handle(AdvocacyReferralDecidedV1 m, CommandScope scope, ConsumeContext<AdvocacyReferralDecidedV1> context)
    {
        if (await scope.Load<VictimReferral>(m.ReferralId) is null)
        {
            Logger.LogInformation("Advocacy decision on referral {ReferralId} ignored: not a police referral", m.ReferralId);
            return;
        }
        await ReferralOutcomes.Apply(scope, context.Source(), m.ReferralId, "advocacy", m.Accepted, m.Reason, m.DecidedAt, Logger);
    }
}

/// <summary>
/// The NHS accepted or declined a perpetrator referral. Referrals the police did not make (from
/// probation, a court, a GP) are not police business: only a referral the police hold is kept.
/// </summary>
public sealed class NhsReferralDecidedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<NhsReferralDecidedConsumer> logger)
    : InboxConsumer<NhsReferralDecidedV1>(pipeline, service, logger)
{
    protected override async Task Handle(NhsReferralDecidedV1 m, CommandScope scope, ConsumeContext<NhsReferralDecidedV1> context)
    {
        if (await scope.Load<PerpetratorReferral>(m.ReferralId) is null)
        {
            Logger.LogInformation("NHS decision on referral {ReferralId} ignored: not a police referral", m.ReferralId);
            return;
        }
        await ReferralOutcomes.Apply(scope, context.Source(), m.ReferralId, "nhs", m.Accepted, m.Reason, m.DecidedAt, Logger);
    }
}
