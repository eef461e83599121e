using Masip.Police.Cases;
using Masip.Police.Perpetrators;
using Masip.Police.Referrals;
using Masip.Police.Referrals.ReferringPerpetrators;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Orders.Referring;

/// <summary>
/// An order whose requirements include an intervention programme (the SPO's "intervention-programme",
/// or an order's requirement naming an intervention) opens the police's referral of the restrained
/// person to the NHS for an intervention, in the transaction that records or varies it: on the NHS
/// waiting list with the route "police". The police make it whoever else manages the person: they
/// own the order and hold the identities a referral carries, and they cannot know whether probation
/// manages the person. Once per order (a referral id named by the order id): a variation that keeps
/// the requirement, a re-recorded SPO (interim, then full) or a retried command opens nothing more.
/// A case the referral cannot be made for (not reviewed: a referral carries the risk level) records
/// the order without it, and the log says so (ids only).
/// </summary>
public static class InterventionReferrals
{
    public const string Request = "intervention";

    public static bool Requires(IEnumerable<string> requirements) =>
        requirements.Any(r => r.Contains("intervention", StringComparison.OrdinalIgnoreCase));

    public static Guid ReferralIdFor(Guid orderId) => DeterministicId.For("order-intervention-referral", orderId, "nhs");

    /// <summary>Refers the restrained person when one of <paramref name="orderEvents"/> (just appended) sets an intervention requirement.</summary>
    public static async Task OpenFor(CommandScope scope, StacCase @case, IEnumerable<object> orderEvents, ILogger logger)
    {
        var requiring = orderEvents.Select(e => e switch
        {
            OrderRecorded r when Requires(r.Requirements) => ((Guid Id, string Kind)?)(r.OrderId, r.Kind),
            OrderVaried v when Requires(v.Requirements) => (v.OrderId, OrderKinds.Spo), // only an SPO is varied
            _ => null,
        }).FirstOrDefault(o => o is not null);
        if (requiring is not { } order)
            return;
        var referralId = ReferralIdFor(order.Id);
        var referral = await scope.Stream<PerpetratorReferral>(referralId);
        if (referral.Aggregate is not null)
            return;
        var perpetrator = @case.PerpetratorId is { } id ? await scope.Load<Perpetrator>(id) : null;
        var reason = $"the {order.Kind} order {order.Id} requires an intervention programme";
        try
        {
            referral.AppendMany(ReferPerpetratorDecision.Decide(null, @case, perpetrator,
                new ReferPerpetrator(referralId, @case.Id, "nhs", Request, reason), scope.Actor, scope.Now));
            logger.LogInformation("Order {OrderId}: intervention referral {ReferralId} made to the NHS", order.Id, referralId);
        }
        catch (DomainException e)
        {
            logger.LogWarning("Order {OrderId}: intervention referral for case {CaseId} could not be made ({Field})", order.Id, @case.Id, e.Field);
        }
    }
}
