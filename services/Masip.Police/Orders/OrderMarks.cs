using Masip.Police.Perpetrators;
using Masip.ServiceDefaults.Commands;

namespace Masip.Police.Orders;

/// <summary>An order in force marks the perpetrator: a later report naming them is flagged in the queue (and its breach attached).</summary>
public static class OrderMarks
{
    public static void OnThePerpetrator(CommandScope scope, IEnumerable<object> events)
    {
        foreach (var recorded in events.OfType<OrderRecorded>())
            scope.Session.Events.Append(recorded.PerpetratorId,
                new PerpetratorOrderInForce(recorded.PerpetratorId, recorded.CaseId, recorded.Kind, recorded.RecordedAt));
    }
}
