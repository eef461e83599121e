using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Reviews.Closing;

public sealed record CloseCase(Guid CaseId, string Outcome, string Reason, string? HomeOfficeOutcome = null, string? NfaReason = null,
    string? WithdrawalReason = null);

public static class CloseCaseDecision
{
    public static readonly IReadOnlyDictionary<string, string> Outcomes =
        new[] { "charge", "nfa", "time-limit-expired", "other" }.ToDictionary(v => v, v => v);

    /// <summary>
    /// Home Office crime outcome codes: 1 charge/summons, 2-3 caution, 4 taken into consideration, 5
    /// offender died, 6 penalty notice, 7 cannabis warning, 8 community resolution, 9-10 not in the
    /// public interest, 11-13 prosecution prevented, 14-16 evidential difficulties (16: the victim
    /// does not support), 17 time limit expired, 18 no suspect identified, 20 another body
    /// investigates, 21 further investigation not in the public interest, 22 diversionary activity.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> HomeOfficeOutcomes =
        new[] { "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16", "17", "18", "20", "21", "22" }
            .ToDictionary(v => v, v => v);

    // The NFA reasons of the coded cases (lack of evidence 57%, victim not cooperating 24%, non-CJS outcome 18%, suspect not identified 12%).
    public static readonly IReadOnlyDictionary<string, string> NfaReasons =
        new[] { "lack-of-evidence", "victim-not-cooperating", "non-cjs-outcome-more-suitable", "suspect-not-identified", "other" }
            .ToDictionary(v => v, v => v);

    public static readonly IReadOnlyDictionary<string, string> WithdrawalReasons =
        new[] { "fear-of-reprisal", "reconciled", "lost-confidence", "wants-no-prosecution", "moved-away", "other" }
            .ToDictionary(v => v, v => v);

    /// <summary>The outcome code agrees with the outcome; NFA says why; a victim's withdrawal (code 16) says why.</summary>
    public static void CheckOutcome(CloseCase command)
    {
        if (command.HomeOfficeOutcome is { } code)
        {
            var expected = command.Outcome switch { "charge" => "1", "time-limit-expired" => "17", _ => null };
            if (expected is not null && code != expected)
                throw new InvalidFieldException("home_office_outcome", $"must be {expected} for the outcome {command.Outcome}; got {code}");
            if (command.Outcome == "nfa" && code is "1" or "17")
                throw new InvalidFieldException("home_office_outcome", $"{code} is not a no-further-action outcome");
            if (code == "16" && command.WithdrawalReason is null)
                throw new InvalidFieldException("withdrawal_reason", "is required with outcome code 16 (the victim does not support)");
        }
        if (command.NfaReason is not null && command.Outcome != "nfa")
            throw new InvalidFieldException("nfa_reason", "applies only to the outcome nfa");
    }

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
        CheckOutcome(command);
        List<object> events = [new CaseClosed(current.Id, command.Outcome, command.Reason, actor.Subject, now)];
        if (command.Outcome is "charge" or "nfa")
            events.Add(new VictimNotificationRaised(current.Id, current.CrimeReference, command.Outcome,
                command.Outcome == "charge" ? "The suspect has been charged." : "No further action will be taken on this report.", now));
        events.Add(new CaseOutcomeRecorded(current.Id, command.Outcome, command.HomeOfficeOutcome, command.NfaReason, command.WithdrawalReason,
            actor.Subject, now));
        return events;
    }
}
