using JasperFx.Events.Projections;
using Marten;

namespace Masip.Advocacy.Referrals;

/// <summary>Referrals in: their stream and read model. The consumer registers itself.</summary>
public static class ReferralsModule
{
    public static IServiceCollection AddReferrals(this IServiceCollection services) =>
        services.ConfigureMarten(store => store.Projections.Snapshot<Referral>(SnapshotLifecycle.Inline));
}
