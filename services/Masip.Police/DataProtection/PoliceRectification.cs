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
/// a correction of the victim's details a referral carried corrects the police's own referrals
/// (in its transaction) and goes to advocacy; one of the suspect's a referral to the NHS carried goes to the NHS.
/// </summary>
public static class PoliceRectificationModule
{
    public static IServiceCollection AddPoliceRectification(this IServiceCollection services)
    {
        services.AddRectifiable<StacCase>(CaseRectification.Record, CorrectCopies, CaseRectification.Fields);
        services.AddSingleton<IIntegrationEventMap, VictimDetailsRectifiedMap>();
        services.AddSingleton<IIntegrationEventMap, SuspectDetailsRectifiedMap>();
        return services;
    }

    /// <summary>
    /// Every referral the police made of the case's victim (by its crime reference) takes the
    /// correction too: GetVictimReferral shows what the case shows. The referral's stream records it
    /// (ReferredVictimDetailsCorrected, with the case's version), so its history says why it changed.
    /// </summary>
    public static async Task CorrectCopies(CommandScope scope, StacCase @case, RecordRectified rectified)
    {
        await CorrectReferrals(scope, @case, rectified);
        await CorrectIdentity(scope, @case, rectified);
    }

    /// <summary>
    /// The perpetrator identity first reported in this case takes a correction of the suspect's name
    /// or date of birth, where it still holds the value corrected: later referrals to the NHS and
    /// probation carry, and later reports are matched by, the corrected value. An identity first
    /// reported in another case keeps that case's details (correct that case to correct it).
    /// </summary>
    private static async Task CorrectIdentity(CommandScope scope, StacCase @case, RecordRectified rectified)
    {
        if (!CaseRectification.SentToNhs.Contains(rectified.Field) || @case.PerpetratorId is not { } perpetratorId)
            return;
        var stream = await scope.Stream<Perpetrators.Perpetrator>(perpetratorId);
        if (stream.Aggregate is not { } identity || identity.OriginCaseId != @case.Id)
            return;
        var held = identity.ValueOf(rectified.Field);
        if (held == rectified.NewValue || held != rectified.OldValue)
            return;
        stream.AppendOne(new Perpetrators.PerpetratorDetailsCorrected(perpetratorId, @case.Id, rectified.Field, held, rectified.NewValue,
            scope.Actor.Subject, rectified.RectifiedAt, rectified.Version));
    }

    private static async Task CorrectReferrals(CommandScope scope, StacCase @case, RecordRectified rectified)
    {
        if (!CaseRectification.SentToAdvocacy.Contains(rectified.Field))
            return;
        var crimeReference = @case.CrimeReference;
        var ids = await scope.Session.Query<VictimReferral>().Where(r => r.CrimeReference == crimeReference)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(scope.Cancellation);
        foreach (var id in ids)
        {
            var stream = await scope.Stream<VictimReferral>(id);
            if (stream.Aggregate is not { } referral || referral.ValueOf(rectified.Field) == rectified.NewValue)
                continue;
            stream.AppendOne(new ReferredVictimDetailsCorrected(id, rectified.RecordId, rectified.Field, referral.ValueOf(rectified.Field),
                rectified.NewValue, rectified.Reason, scope.Actor.Subject, rectified.RectifiedAt, rectified.Version));
        }
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
/// RecordRectified on a case to SuspectDetailsRectifiedV1, only for the suspect's name and date of
/// birth and only where the police referred that case's suspect to the NHS (the NHS holds no copy
/// otherwise, and receives none; probation keeps none: see the message).
/// </summary>
public sealed class SuspectDetailsRectifiedMap : IIntegrationEventMap
{
    public Type EventType => typeof(RecordRectified);

    public object? Map(IEvent @event) =>
        throw new InvalidOperationException("SuspectDetailsRectifiedV1 reads the police's referrals: use MapAsync with the event store");

    public async Task<object?> MapAsync(IEvent @event, IQuerySession query, CancellationToken ct)
    {
        var e = (RecordRectified)@event.Data;
        if (e.Record != CaseRectification.Record || !CaseRectification.SentToNhs.Contains(e.Field))
            return null;
        var caseId = e.RecordId;
        if (!await query.Query<PerpetratorReferral>().AnyAsync(r => r.CaseId == caseId && r.Receiver == "nhs", ct))
            return null;
        var state = await query.Events.AggregateStreamAsync<StacCase>(@event.StreamId, @event.Version, token: ct);
        return new SuspectDetailsRectifiedV1(caseId, state?.PerpetratorId, e.Field,
            e.Field == "suspect.name" ? e.NewValue : null,
            e.Field == "suspect.dateOfBirth" ? DateOnly.ParseExact(e.NewValue, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            e.Version, e.RectifiedAt);
    }
}
