using JasperFx.Events;
using Marten;
using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.Police.Referrals;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.DataProtection;

/// <summary>
/// Rectification at the police: a case's victim and suspect details (CaseRectification.Fields);
/// a correction of the victim's details a referral to advocacy carried goes to advocacy.
/// </summary>
public static class PoliceRectificationModule
{
    public static IServiceCollection AddPoliceRectification(this IServiceCollection services)
    {
        services.AddRectifiable(CaseRectification.Record, CaseRectification.Fields);
        services.AddSingleton<IIntegrationEventMap, VictimDetailsRectifiedMap>();
        return services;
    }
}

/// <summary>
/// RecordRectified on a case to VictimDetailsRectifiedV1, only for the fields a referral carries
/// and only where the victim of that case was referred to advocacy (advocacy holds no copy otherwise,
/// and receives none).
/// </summary>
public sealed class VictimDetailsRectifiedMap : IIntegrationEventMap
{
    public Type EventType => typeof(RecordRectified);

    public object? Map(IEvent @event) =>
        throw new InvalidOperationException("VictimDetailsRectifiedV1 reads the police's referrals: use MapAsync with the event store");

    public async Task<object?> MapAsync(IEvent @event, IQuerySession query, CancellationToken ct)
    {
        var e = (RecordRectified)@event.Data;
        if (e.Record != CaseRectification.Record || !CaseRectification.SentToAdvocacy.Contains(e.Field))
            return null;
        var state = await query.Events.AggregateStreamAsync<StacCase>(@event.StreamId, @event.Version, token: ct);
        if (state is null)
            return null;
        var crimeReference = state.CrimeReference;
        if (!await query.Query<VictimReferral>().AnyAsync(r => r.CrimeReference == crimeReference, ct))
            return null;
        return new VictimDetailsRectifiedV1(e.RecordId, crimeReference, e.Field,
            e.Field == "victim.name" ? e.NewValue : null,
            e.Field == "victim.phone" ? e.NewValue : null,
            e.Field == "victim.email" ? e.NewValue : null,
            e.Version, e.RectifiedAt);
    }
}
