using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews.Closing;

public sealed record CloseCase(Guid CaseId, string Outcome, string Reason);

public static class CloseCaseDecision
{
    public static readonly IReadOnlyDictionary<string, string> Outcomes =
        new[] { "charge", "nfa", "time-limit-expired", "other" }.ToDictionary(v => v, v => v);

    /// <summary>
    /// A case closes only once an SPO has been considered (003 R13: consider it in every case,
    /// record why not). The victim hears of a charge or NFA (Victims' Code).
    /// </summary>
    public static IReadOnlyList<object> Decide(StacCase current, CloseCase command, Actor actor, DateTimeOffset now)
    {
        if (current.Status == CaseStatus.Closed)
            return current.Outcome == command.Outcome ? [] : throw new RuleViolationException("case_id", "the case is already closed");
        if (!current.Spo.Considered)
            throw new RuleViolationException("spo_considered", "record whether an SPO was considered (and why not) before closing the case");
        List<object> events = [new CaseClosed(current.Id, command.Outcome, command.Reason, actor.Subject, now)];
        if (command.Outcome is "charge" or "nfa")
            events.Add(new VictimNotificationRaised(current.Id, current.CrimeReference, command.Outcome,
                command.Outcome == "charge" ? "The suspect has been charged." : "No further action will be taken on this report.", now));
        return events;
    }
}
