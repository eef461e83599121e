using Masip.Police.Cases;
using Masip.Police.Orders.Breaches;
using Masip.Police.Orders.Recording;
using Masip.Police.Orders.Referring;
using Masip.ServiceDefaults.Commands;

namespace Masip.Police.Orders;

/// <summary>
/// The SPO keeps its lifecycle on the case (considered, applied, decided: PoliceSpo) and is one of
/// the person's orders once granted: the grant, variation, expiry and breaches are recorded on the
/// case's SPO order in the same transaction, so its breaches count with those of every other order; an intervention
/// programme among its requirements refers the person to the NHS (InterventionReferrals).
/// </summary>
public static class SpoOrders
{
    public const string DefaultCourt = "magistrates' court";

    public static async Task Mirror(CommandScope scope, StacCase current, IReadOnlyList<object> events, ILogger logger)
    {
        if (current.PerpetratorId is not { } perpetratorId || current.Report.Suspect is not { } suspect
            || !events.Any(e => e is SpoDecided { Granted: true } or SpoVaried or SpoExpired or SpoBreached))
            return;
        var id = ProtectiveOrder.SpoIdFor(current.Id);
        var order = await scope.Stream<ProtectiveOrder>(id);
        var state = order.Aggregate;
        var appended = new List<object>();
        void Append(object e)
        {
            order.AppendOne(e);
            appended.Add(e);
        }
        if (state is null && current.Spo.InForce && !events.Any(e => e is SpoDecided { Granted: true }))
        {
            // An SPO granted before orders were one model: recorded now from the case, so its breaches count too.
            var recorded = new OrderRecorded(id, current.Id, current.CrimeReference, perpetratorId, suspect.Name, OrderKinds.Spo,
                current.Spo.Status == "full-granted" ? "full" : "interim", [current.Report.Victim.Name], current.Spo.Prohibitions,
                current.Spo.Requirements, DateOnly.FromDateTime((current.Spo.GrantedAt ?? scope.Now).UtcDateTime), current.Spo.ExpiresOn, DefaultCourt,
                scope.Actor.Subject, scope.Now);
            Append(recorded);
            state = ProtectiveOrder.Create(recorded);
        }
        foreach (var e in events)
        {
            switch (e)
            {
                case SpoDecided { Granted: true } d:
                    Append(new OrderRecorded(id, current.Id, current.CrimeReference, perpetratorId, suspect.Name, OrderKinds.Spo, d.Stage,
                        [current.Report.Victim.Name], d.Prohibitions, d.Requirements, DateOnly.FromDateTime(d.RecordedAt.UtcDateTime), d.ExpiresOn,
                        d.Court ?? DefaultCourt, d.RecordedBy, d.RecordedAt));
                    break;
                case SpoVaried v when state is not null:
                    Append(new OrderVaried(id, v.Prohibitions, v.Requirements, v.Reason, v.RecordedBy, v.RecordedAt));
                    break;
                case SpoExpired x when state is { InForce: true }:
                    Append(new OrderEnded(id, perpetratorId, OrderKinds.Expired, x.ExpiredOn, "SPO expired", x.RecordedBy, x.RecordedAt));
                    break;
                case SpoBreached b when state is not null:
                    await BreachRecording.Record(scope, order, state, new RecordOrderBreach(id, b.BreachedOn, b.Details, null),
                        BreachRecording.OfficerBreachId(state), BreachSources.Officer);
                    break;
            }
        }
        // An intervention programme among the requirements refers the person to the NHS, once per order.
        await InterventionReferrals.OpenFor(scope, current, appended, logger);
    }
}
