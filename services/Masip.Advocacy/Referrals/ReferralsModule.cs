using JasperFx.Events.Projections;
using Marten;
using Masip.Advocacy.Referrals.Consenting;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Advocacy.Referrals;

/// <summary>Referrals in, triage, contacts, consent: their stream, read model and the messages they publish.</summary>
public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Referral>(SnapshotLifecycle.Inline);
            // One open referral per victim in a case, even when two referrals race: the loser links instead.
            store.Schema.For<Referral>()
                .Index(r => r.DuplicateKey!, index => { index.IsUnique = true; index.Name = ReferralDuplicates.IndexName; })
                .Index(r => r.CrimeReference!)
                // The list's order (newest first) as a column, for its keyset pages.
                .Duplicate(r => r.ReceivedAt);
        });
        // A new referral stream only: a duplicate is linked to its original (DuplicateReferralLinked), never received again.
        services.PublishIntegrationEvent<ReferralReceived>(e => new ReferralAwaitingDecisionV1(
            e.ReferralId, ReferralAwaitingDecisionV1.Advocacy, e.Source, e.CrimeReference, null, null, null, e.ReceivedAt));
        services.PublishIntegrationEvent<ReferralAccepted>(e => new AdvocacyReferralDecidedV1(e.ReferralId, e.CrimeReference, true, null, e.AcceptedAt));
        services.PublishIntegrationEvent<ReferralDeclined>(e => new AdvocacyReferralDecidedV1(e.ReferralId, e.CrimeReference, false, e.Reason, e.DeclinedAt));
        services.PublishIntegrationEvent<VictimVoiceRecorded>(e => e.SharedWithDmm
            ? new VictimVoiceSharedV1(e.ReferralId, e.CrimeReference, e.Concerns, e.Wishes, e.RecordedAt)
            : null);
        services.PublishIntegrationEvent<ConsentToShareWithdrawn>(e => e.ShareWith == ConsentDecision.Dmm
            ? new VictimVoiceWithdrawnV1(e.ReferralId, e.WithdrawnAt)
            : null);
        return services;
    }
}
