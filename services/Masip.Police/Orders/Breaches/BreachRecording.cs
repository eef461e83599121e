using JasperFx.Events;
using Masip.Police.Cases;
using Masip.Police.Orders.Recording;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Orders.Breaches;

/// <summary>
/// The one way a breach is recorded, whoever reports it (an officer, the SPO on a case, an
/// imported crime report): on its order, then counted on the restrained person's stream, where
/// the second breach of any order prompts the separate-offence review on the breach's case.
/// </summary>
public static class BreachRecording
{
    /// <summary>An officer's (or the SPO's) breach: the n-th breach reported on the order.</summary>
    public static Guid OfficerBreachId(ProtectiveOrder order) => DeterministicId.For("order-breach", order.Id, $"reported|{order.Breaches.Count + 1}");

    /// <summary>An imported report is one breach however often it is imported or confirmed.</summary>
    public static Guid ImportedBreachId(Guid reportCaseId) => DeterministicId.For("order-breach", reportCaseId, "import");

    public static Task<IReadOnlyList<object>> Record(CommandScope scope, IEventStream<ProtectiveOrder> order, RecordOrderBreach command,
        Guid breachId, string source) => Record(scope, order, order.Aggregate!, command, breachId, source);

    /// <summary>On an order whose state is <paramref name="current"/> (an order recorded in this same command has no stream state yet).</summary>
    public static async Task<IReadOnlyList<object>> Record(CommandScope scope, IEventStream<ProtectiveOrder> order, ProtectiveOrder current,
        RecordOrderBreach command, Guid breachId, string source)
    {
        var events = OrderDecisions.Decide(current, command, breachId, source, scope.Actor, scope.Now);
        order.AppendMany(events);
        foreach (var breach in events.OfType<OrderBreachRecorded>())
        {
            var person = await scope.Stream<PersonBreaches>(PersonBreaches.IdFor(breach.PerpetratorId));
            var counted = BreachCounting.Decide(person.Aggregate, breach.PerpetratorId,
                new CountedBreach(breach.OrderId, breach.Kind, breach.BreachId, breach.CaseId, breach.BreachedOn), scope.Now);
            person.AppendMany(counted);
            foreach (var prompted in counted.OfType<SeparateOffenceReviewPrompted>())
                scope.Session.Events.Append(prompted.CaseId,
                    new SeparateOffenceReviewRaised(prompted.CaseId, prompted.PerpetratorId, prompted.Breaches.Count, scope.Now));
        }
        return events;
    }
}

public static class BreachSources
{
    public const string Officer = "officer";
    public const string Import = "import";
}
