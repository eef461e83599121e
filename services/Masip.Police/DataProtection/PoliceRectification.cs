using JasperFx.Events;
using Marten;
using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.Police.Referrals;
using Masip.ServiceDefaults.Commands;
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
        services.AddSingleton<IRectifiableRecord, CaseRectifiable>();
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

/// <summary>
/// A case's correction; a correction of the victim's name, phone or email also reaches the police's
/// own copies of them in the referrals of that case to advocacy (in the same transaction), so every
/// police view shows the corrected value.
/// </summary>
public sealed class CaseRectifiable : IRectifiableRecord
{
    public const string ReferralRecord = "victim-referral";

    private readonly RectifiableRecord<StacCase> _case = new(CaseRectification.Record, CaseRectification.Fields);

    public string Record => _case.Record;

    public IReadOnlyList<string> Fields => _case.Fields;

    public async Task<RecordRectified?> Rectify(CommandScope scope, Guid recordId, string field, string value, string reason)
    {
        var made = await _case.Rectify(scope, recordId, field, value, reason);
        if (made is null || !CaseRectification.SentToAdvocacy.Contains(field))
            return made;
        var crimeReference = (await scope.Require<StacCase>(recordId, "record_id")).CrimeReference;
        var ids = await scope.Session.Query<VictimReferral>().Where(r => r.CrimeReference == crimeReference)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(scope.Cancellation);
        foreach (var id in ids)
        {
            var stream = await scope.Stream<VictimReferral>(id);
            if (stream.Aggregate is not { } referral)
                continue;
            var current = field switch { "victim.name" => referral.VictimName, "victim.phone" => referral.VictimPhone, _ => referral.VictimEmail };
            var copy = Rectification.Decide(ReferralRecord, id, current, field, made.NewValue, made.Reason, scope.Actor, scope.Now,
                (stream.CurrentVersion ?? stream.StartingVersion) ?? 0);
            if (copy is null)
                continue;
            stream.AppendOne(copy);
            scope.Session.Store(RectificationEntry.From(copy));
        }
        return made;
    }
}
