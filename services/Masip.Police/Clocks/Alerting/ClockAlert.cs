using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Clocks.Alerting;

/// <summary>A clock came near its limit, or passed it: a message for the next DMM (ClockDueV1).</summary>
public sealed record ClockDueRaised(
    Guid AlertId, string Kind, string Status, Guid CaseId, string CrimeReference, Guid? PerpetratorId, Guid? OrderId, DateTimeOffset DueAt,
    DateTimeOffset RaisedAt);

/// <summary>What has been raised for one clock instance (its own stream): near once, past once.</summary>
public sealed record ClockAlert
{
    public Guid Id { get; init; }
    public IReadOnlyList<string> Raised { get; init; } = [];

    public static Guid IdFor(ClockListItem item) => DeterministicId.For("clock-alert", item.Key);

    public static ClockAlert Create(ClockDueRaised e) => new() { Id = e.AlertId, Raised = [e.Status] };

    public ClockAlert Apply(ClockDueRaised e) => this with { Raised = [.. Raised, e.Status] };
}

public static class ClockAlertDecision
{
    public const string Near = "near";
    public const string Past = "past";

    /// <summary>A clock raises "near" once and "past" once; a clock first seen past raises only "past".</summary>
    public static IReadOnlyList<object> Decide(ClockAlert? current, ClockListItem item, DateTimeOffset now)
    {
        var status = item.Reading.Status switch
        {
            ClockStatus.Past => Past,
            ClockStatus.Near => Near,
            _ => null,
        };
        if (status is null || current?.Raised.Contains(status) == true || status == Near && current?.Raised.Contains(Past) == true)
            return [];
        return [new ClockDueRaised(ClockAlert.IdFor(item), item.Reading.Kind, status, item.CaseId, item.CrimeReference, item.PerpetratorId, item.OrderId,
            item.Reading.DueAt, now)];
    }
}
