using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Orders.Recording;

public sealed record RecordOrder(Guid CaseId, string Kind, IReadOnlyList<string> ProtectedPersons, IReadOnlyList<string> Prohibitions,
    IReadOnlyList<string> Requirements, DateOnly MadeOn, DateOnly? ExpiresOn, string Court);

public sealed record RecordOrderEnded(Guid OrderId, string Status, DateOnly EndedOn, string Reason);

public sealed record RecordOrderBreach(Guid OrderId, DateOnly BreachedOn, string Details, string? CrimeReference);

public sealed record RespondToBreach(Guid OrderId, Guid BreachId, string Response);

public sealed record RecordCourtDate(Guid CaseId, DateOnly HearingOn, string Court, string Hearing);

public sealed record RecordArrest(Guid CaseId, DateTimeOffset ArrestedAt);

/// <summary>
/// Protective orders (restraining order, non-molestation order, DVPO, bail conditions; an SPO
/// through its own lifecycle): what the police record, who recorded it is the actor.
/// </summary>
public static class OrderDecisions
{
    public static readonly IReadOnlyDictionary<string, string> Hearings =
        new[] { "first-appearance", "trial", "sentencing", "spo", "other" }.ToDictionary(v => v, v => v);

    /// <summary>An order restrains a known person: the case must name an identified perpetrator.</summary>
    public static IReadOnlyList<object> Decide(ProtectiveOrder? current, StacCase @case, RecordOrder command, Actor actor, DateTimeOffset now)
    {
        if (@case.PerpetratorId is not { } perpetratorId || @case.Report.Suspect is not { } suspect)
            throw new RuleViolationException("case_id", "the case names no identified suspect; an order restrains a known person");
        NotInFuture(command.MadeOn, "made_on", now);
        if (command.ExpiresOn is { } expires && expires <= command.MadeOn)
            throw new InvalidFieldException("expires_on", "must be after made_on");
        if (command.Prohibitions.Count == 0 && command.Requirements.Count == 0)
            throw new InvalidFieldException("prohibitions", "an order carries at least one prohibition or requirement");
        var protectedPersons = command.ProtectedPersons.Count > 0 ? command.ProtectedPersons : [@case.Report.Victim.Name];
        if (current is not null && current.ProtectedPersons.SequenceEqual(protectedPersons) && current.Prohibitions.SequenceEqual(command.Prohibitions)
            && current.Requirements.SequenceEqual(command.Requirements) && current.ExpiresOn == command.ExpiresOn && current.Court == command.Court)
            return [];
        return [new OrderRecorded(ProtectiveOrder.IdFor(@case.Id, command.Kind, command.MadeOn), @case.Id, @case.CrimeReference, perpetratorId,
            suspect.Name, command.Kind, null, protectedPersons, command.Prohibitions, command.Requirements, command.MadeOn, command.ExpiresOn,
            command.Court, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Decide(ProtectiveOrder current, RecordOrderEnded command, Actor actor, DateTimeOffset now)
    {
        if (current.Status == command.Status)
            return [];
        if (!current.InForce)
            throw new RuleViolationException("order_id", $"the order is no longer in force (status {current.Status})");
        NotInFuture(command.EndedOn, "ended_on", now);
        if (command.EndedOn < current.MadeOn)
            throw new InvalidFieldException("ended_on", "must not be before the order was made");
        return [new OrderEnded(current.Id, current.PerpetratorId, command.Status, command.EndedOn, command.Reason, actor.Subject, now)];
    }

    /// <summary>A breach happens while the order is in force: on or after it was made, and before it ended.</summary>
    public static IReadOnlyList<object> Decide(ProtectiveOrder current, RecordOrderBreach command, Guid breachId, string source, Actor actor, DateTimeOffset now)
    {
        if (current.Breaches.Any(b => b.BreachId == breachId))
            return [];
        NotInFuture(command.BreachedOn, "breached_on", now);
        if (command.BreachedOn < current.MadeOn)
            throw new InvalidFieldException("breached_on", "is before the order was made");
        if (!current.InForce && (current.EndedOn is not { } ended || command.BreachedOn > ended))
            throw new RuleViolationException("order_id", $"the order was not in force on {command.BreachedOn:yyyy-MM-dd} (status {current.Status})");
        return [new OrderBreachRecorded(current.Id, breachId, current.PerpetratorId, current.CaseId, current.Kind, command.BreachedOn,
            command.Details, source, command.CrimeReference, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Decide(ProtectiveOrder current, RespondToBreach command, Actor actor, DateTimeOffset now)
    {
        var breach = current.Breaches.FirstOrDefault(b => b.BreachId == command.BreachId)
            ?? throw NotFound.For<OrderBreachEntry>("breach_id", command.BreachId);
        return breach.RespondedAt is not null ? [] : [new BreachResponded(current.Id, breach.BreachId, command.Response, actor.Subject, now)];
    }

    /// <summary>Victims' Code: the victim is told of a court date (advocacy's "court-date" update task).</summary>
    public static IReadOnlyList<object> Decide(StacCase @case, RecordCourtDate command, Actor actor, DateTimeOffset now)
    {
        if (@case.Status == CaseStatus.Closed)
            throw new RuleViolationException("case_id", "the case is closed");
        if (@case.CourtDates.Any(d => d.HearingOn == command.HearingOn && d.Hearing == command.Hearing && d.Court == command.Court))
            return [];
        return
        [
            new CourtDateRecorded(@case.Id, command.HearingOn, command.Court, command.Hearing, actor.Subject, now),
            new VictimNotificationRaised(@case.Id, @case.CrimeReference, "court-date",
                $"A {command.Hearing} hearing is listed for {command.HearingOn:yyyy-MM-dd}.", now),
        ];
    }

    /// <summary>An arrest restarts the interim SPO clock when it comes after the report; the same arrest again changes nothing.</summary>
    public static IReadOnlyList<object> Decide(StacCase @case, RecordArrest command, Actor actor, DateTimeOffset now)
    {
        if (command.ArrestedAt > now)
            throw new InvalidFieldException("arrested_at", "must not be in the future");
        if (DateOnly.FromDateTime(command.ArrestedAt.UtcDateTime) < @case.OffenceDate)
            throw new InvalidFieldException("arrested_at", "must not be before the offence date");
        return @case.ArrestedAt == command.ArrestedAt ? [] : [new SuspectArrested(@case.Id, command.ArrestedAt, actor.Subject, now)];
    }

    /// <summary>Bail conditions set by the police or a court: the victim is told (advocacy's "bail" update task).</summary>
    public static IReadOnlyList<object> VictimNews(StacCase @case, IReadOnlyList<object> orderEvents, DateTimeOffset now) =>
        [.. orderEvents.OfType<OrderRecorded>().Where(o => o.Kind == OrderKinds.BailConditions).Select(o => new VictimNotificationRaised(
            @case.Id, @case.CrimeReference, "bail", $"The suspect was bailed with conditions on {o.MadeOn:yyyy-MM-dd}.", now))];

    public static void NotInFuture(DateOnly date, string field, DateTimeOffset now)
    {
        if (date > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException(field, "must not be in the future");
    }
}
