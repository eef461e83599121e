using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Spo.Recording;

public sealed record RecordSpoConsidered(Guid CaseId, bool WillApply, string Reason, string? WhyNot = null);

public sealed record RecordSpoApplication(Guid CaseId, string Stage, DateOnly AppliedOn, string? VictimConsent = null, string? ConsentNote = null);

public sealed record RecordSpoDecision(Guid CaseId, string Stage, bool Granted, IReadOnlyList<string> Prohibitions,
    IReadOnlyList<string> Requirements, DateOnly? ExpiresOn, string Reason, string? Court = null);

public sealed record VarySpo(Guid CaseId, IReadOnlyList<string> Prohibitions, IReadOnlyList<string> Requirements, string Reason);

public sealed record RecordSpoExpired(Guid CaseId, DateOnly ExpiredOn);

public sealed record AnswerFurtherOffencePrompt(Guid CaseId, bool Record, string? FurtherCrimeReference, string Reason);

public sealed record RecordSpoBreach(Guid CaseId, DateOnly BreachedOn, string Details);

/// <summary>
/// The SPO lifecycle on a case (Stalking Protection Act 2019): considered, applied, interim and
/// full decisions, variation, expiry, breach. Who recorded each is the actor (the caller).
/// </summary>
public static class SpoDecisions
{
    public static readonly IReadOnlyDictionary<string, string> Stages = new[] { "interim", "full" }.ToDictionary(v => v, v => v);

    /// <summary>The victim's consent to an interim application: given, or its absence explained (001 L807-811).</summary>
    public static readonly IReadOnlyDictionary<string, string> Consents = new[] { "given", "declined", "not-sought" }.ToDictionary(v => v, v => v);

    /// <summary>Positive requirements are usually missing (17 of 25 SPOs): a catalogue makes them visible and countable.</summary>
    public static readonly IReadOnlyDictionary<string, string> RequirementCatalogue = new[]
    {
        "intervention-programme", "mental-health-assessment", "surrender-devices", "social-media-access", "signing-on",
    }.ToDictionary(v => v, v => v);

    /// <summary>Why an SPO will not be applied for, coded so the statistics can count it (003 R13: "record why not").</summary>
    public static readonly IReadOnlyDictionary<string, string> WhyNotReasons = new[]
    {
        "victim-declined", "insufficient-evidence", "other-order-in-place", "suspect-in-custody", "no-longer-a-risk",
        "suspect-not-identified", "other",
    }.ToDictionary(v => v, v => v);

    public static IReadOnlyList<object> Decide(StacCase current, RecordSpoConsidered command, Actor actor, DateTimeOffset now)
    {
        Open(current);
        if (command.WhyNot is not null && command.WillApply)
            throw new InvalidFieldException("why_not", "is only for a decision not to apply");
        if (current.Spo.WillApply == command.WillApply && current.Spo.ConsideredReason == command.Reason && current.Spo.WhyNot == command.WhyNot)
            return [];
        return [new SpoConsidered(current.Id, current.PerpetratorId, command.WillApply, command.Reason, actor.Subject, now, command.WhyNot)];
    }

    public static IReadOnlyList<object> Decide(StacCase current, RecordSpoApplication command, Actor actor, DateTimeOffset now)
    {
        Open(current);
        NotInFuture(command.AppliedOn, "applied_on", now);
        if (current.Spo.Status == "full-granted")
            throw new RuleViolationException("stage", "a full SPO is already in force; vary it instead");
        if (command.Stage == "interim")
        {
            if (command.VictimConsent is null)
                throw new InvalidFieldException("victim_consent", "is required for an interim application: given, declined or not-sought");
            if (command.VictimConsent != "given" && command.ConsentNote is null)
                throw new InvalidFieldException("consent_note", "is required to explain why the victim's consent is absent");
        }
        if (current.Spo.Status == "applied" && current.Spo.ApplicationStage == command.Stage && current.Spo.AppliedOn == command.AppliedOn)
            return [];
        return [new SpoApplied(current.Id, current.PerpetratorId, command.Stage, command.AppliedOn, actor.Subject, now,
            command.VictimConsent, command.ConsentNote)];
    }

    public static IReadOnlyList<object> Decide(StacCase current, RecordSpoDecision command, Actor actor, DateTimeOffset now)
    {
        Open(current);
        if (!current.Spo.Applied)
            throw new RuleViolationException("stage", "no SPO application is recorded for this case; record the application first");
        if (current.Spo.Status == $"{command.Stage}-{(command.Granted ? "granted" : "refused")}")
            return [];
        if (command.Granted && command.Prohibitions.Count == 0 && command.Requirements.Count == 0)
            throw new InvalidFieldException("prohibitions", "a granted SPO carries at least one prohibition or requirement");
        if (command.ExpiresOn is { } expires && expires <= DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException("expires_on", "must be after today");
        List<object> events =
        [
            new SpoDecided(current.Id, current.PerpetratorId, command.Stage, command.Granted, command.Prohibitions, command.Requirements,
                command.ExpiresOn, command.Reason, actor.Subject, now, command.Court),
        ];
        if (command.Granted)
            events.Add(new VictimNotificationRaised(current.Id, current.CrimeReference, "spo-granted",
                $"The court granted {(command.Stage == "interim" ? "an interim" : "a full")} Stalking Protection Order.", now));
        return events;
    }

    public static IReadOnlyList<object> Decide(StacCase current, VarySpo command, Actor actor, DateTimeOffset now)
    {
        InForce(current);
        if (command.Prohibitions.Count == 0 && command.Requirements.Count == 0)
            throw new InvalidFieldException("prohibitions", "a varied SPO carries at least one prohibition or requirement");
        if (current.Spo.Prohibitions.SequenceEqual(command.Prohibitions) && current.Spo.Requirements.SequenceEqual(command.Requirements))
            return [];
        return [new SpoVaried(current.Id, current.PerpetratorId, command.Prohibitions, command.Requirements, command.Reason, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Decide(StacCase current, RecordSpoExpired command, Actor actor, DateTimeOffset now)
    {
        if (current.Spo.Status == "expired")
            return [];
        InForce(current);
        NotInFuture(command.ExpiredOn, "expired_on", now);
        return [new SpoExpired(current.Id, current.PerpetratorId, command.ExpiredOn, actor.Subject, now)];
    }

    /// <summary>
    /// A breach is itself an offence; it forces a risk reassessment (000 A12), is counted with the
    /// person's breaches of every order (the second prompts a separate offence), and the victim is told.
    /// </summary>
    public static IReadOnlyList<object> Decide(StacCase current, RecordSpoBreach command, Actor actor, DateTimeOffset now)
    {
        InForce(current);
        NotInFuture(command.BreachedOn, "breached_on", now);
        return
        [
            new SpoBreached(current.Id, current.PerpetratorId, command.BreachedOn, command.Details, actor.Subject, now),
            new VictimNotificationRaised(current.Id, current.CrimeReference, "spo-breached",
                "A breach of the Stalking Protection Order has been reported to the police.", now),
        ];
    }

    public static IReadOnlyList<object> Decide(StacCase current, AnswerFurtherOffencePrompt command, Actor actor, DateTimeOffset now)
    {
        if (!current.FurtherOffencePrompt)
            throw new RuleViolationException("case_id", "no breach is waiting for this answer");
        if (command.Record && command.FurtherCrimeReference is null)
            throw new InvalidFieldException("further_crime_reference", "is required to record the breach as a further offence");
        return [new FurtherOffenceDecided(current.Id, command.Record, command.Record ? command.FurtherCrimeReference : null,
            command.Reason, actor.Subject, now)];
    }

    private static void Open(StacCase current)
    {
        if (current.Status == CaseStatus.Closed)
            throw new RuleViolationException("case_id", "the case is closed");
    }

    private static void InForce(StacCase current)
    {
        if (!current.Spo.InForce)
            throw new RuleViolationException("case_id", $"no SPO is in force on this case (status {current.Spo.Status})");
    }

    private static void NotInFuture(DateOnly date, string field, DateTimeOffset now)
    {
        if (date > DateOnly.FromDateTime(now.UtcDateTime))
            throw new InvalidFieldException(field, "must not be in the future");
    }
}
