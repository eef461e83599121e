using System.Globalization;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings.Agenda.Candidates;

/// <summary>
/// Something an agency published that may become an agenda item, keyed by the message id (so a
/// redelivery stores nothing new). Each field keeps the data class of the message field it came
/// from, so every view can be filtered by the sharing agreement. <paramref name="Sequence"/> is
/// the message's position in its publisher's event store (null when it carried none).
/// <paramref name="OffenceDate"/> is a tiered case's first incident (the s2A limit counts from it).
/// </summary>
public sealed record AgendaCandidate(
    string Id,
    string Message,
    string Type,
    string Risk,
    string Reason,
    DateTimeOffset OccurredAt,
    string? CrimeReference,
    Guid? CaseId,
    Guid? PerpetratorId,
    Guid? NominalId,
    Guid? ReferralId,
    string? Offence,
    string ItemClass,
    bool VictimConsent,
    IReadOnlyList<SourceRef> Sources,
    IReadOnlyList<ItemField> Fields,
    long? Sequence = null,
    DateOnly? OffenceDate = null);

/// <summary>
/// The victim withdrew consent to share their voice with the DMM for this referral (keyed by
/// referral id), at <paramref name="Sequence"/> in advocacy's event store: every voice shared
/// before that position is withheld from then on; a voice shared later, once consent was given
/// again, is not. A withdrawal whose position is unknown (null) withholds every voice of the referral.
/// </summary>
public sealed record VoiceWithdrawal(Guid Id, DateTimeOffset WithdrawnAt, long? Sequence = null)
{
    /// <summary>Does this withdrawal withhold a voice shared at <paramref name="sharedAt"/> (null: position unknown)?</summary>
    public bool Withholds(long? sharedAt) => Sequence is not { } withdrawn || sharedAt is not { } shared || withdrawn > shared;

    /// <summary>Does a withdrawal at <paramref name="position"/> (null: unknown) withhold more than this one?</summary>
    public bool IsOlderThan(long? position) => Sequence is { } withdrawn && (position is not { } later || later > withdrawn);
}

/// <summary>
/// A referral (advocacy or NHS) was accepted or declined: it no longer waits for a decision
/// (keyed by referral id). The latest decision in the publisher's order; LastSequence is its position.
/// </summary>
public sealed record DecidedReferral(Guid Id, DateTimeOffset DecidedAt, bool Accepted = false, long? LastSequence = null);

/// <summary>
/// An Operation Griffin nominal, by perpetrator id (Id), as the police last published it: added
/// (Current) or removed. LastSequence is the position in the police event store of the news it
/// holds, so a late "added" never brings back a nominal removed after it.
/// </summary>
public sealed record GriffinNominal(Guid Id, Guid NominalId, bool Current, DateTimeOffset Since, long? LastSequence = null);

/// <summary>Turns an integration message into an agenda candidate (null: not an agenda matter).</summary>
public static class Candidates
{
    public static AgendaCandidate? From(object message, Guid messageId, long? sequence = null) => Of(message, messageId) is { } candidate
        ? candidate with { Sequence = sequence }
        : null;

    private static AgendaCandidate? Of(object message, Guid messageId) => message switch
    {
        CaseTieredV1 m => Make(m, messageId, ItemTypes.NewlyTiered,
            m.Tier >= 3 || m.RiskLevel == "high" ? Risks.High : m.Tier == 2 || m.RiskLevel == "medium" ? Risks.Medium : Risks.Standard,
            $"newly tiered: tier {m.Tier}, {m.Offence}", m.TieredAt, m.CrimeReference, m.CaseId, m.PerpetratorId, offence: m.Offence)
            with { OffenceDate = m.OffenceDate },
        // The s2A limit is brought by the tiering message (from its offence date), once: not again from the clock.
        ClockDueV1 { Kind: "s2a-limit" } => null,
        ClockDueV1 m => Make(m, messageId, ItemTypes.ClockDue, m.Status == "past" || m.Kind is "breach-response" or "interim-spo" ? Risks.High : Risks.Medium,
            $"{ClockNames.Of(m.Kind)} {(m.Status == "past" ? "overdue since" : "due by")} {m.DueAt:yyyy-MM-dd HH:mm} UTC", m.RaisedAt,
            m.CrimeReference, m.CaseId, m.PerpetratorId),
        SpoEventV1 m => Make(m, messageId, ItemTypes.Spo, m.Kind == "breached" ? Risks.High : Risks.Medium,
            $"SPO {m.Kind}", m.OccurredAt, null, m.CaseId, m.PerpetratorId),
        NominalAddedV1 m => Make(m, messageId, ItemTypes.GriffinAlert, Risks.Medium, "Griffin nominal added", m.AddedAt,
            null, null, m.PerpetratorId, nominalId: m.NominalId, itemClass: "griffin.restricted"),
        NominalRemovedV1 m => Make(m, messageId, ItemTypes.GriffinAlert, Risks.Standard, "Griffin nominal removed", m.RemovedAt,
            null, null, m.PerpetratorId, nominalId: m.NominalId, itemClass: "griffin.restricted"),
        NominalActivityV1 m => Make(m, messageId, ItemTypes.GriffinAlert, Risks.High, "Griffin alert: new police contact (PNC marker)",
            m.OccurredAt, m.CrimeReference, null, m.PerpetratorId, nominalId: m.NominalId, itemClass: "griffin.restricted"),
        NominalReviewDueV1 m => Make(m, messageId, ItemTypes.GriffinAlert, m.Status == "overdue" ? Risks.High : Risks.Medium,
            $"Griffin review {(m.Status == "overdue" ? "overdue since" : "due")} {m.ReviewDue:yyyy-MM-dd}", m.RaisedAt, null, null, m.PerpetratorId,
            nominalId: m.NominalId, itemClass: "griffin.restricted"),
        AdvocacyReferralDecidedV1 { Accepted: false } m => Make(m, messageId, ItemTypes.ReferralNotAccepted, Risks.Medium,
            "victim referral to advocacy not accepted", m.DecidedAt, m.CrimeReference, null, null, referralId: m.ReferralId),
        NhsReferralDecidedV1 { Accepted: false } m => Make(m, messageId, ItemTypes.ReferralNotAccepted, Risks.Medium,
            "perpetrator referral to NHS not accepted", m.DecidedAt, null, null, m.PerpetratorId, referralId: m.ReferralId),
        ReferralAwaitingDecisionV1 m => Make(m, messageId, ItemTypes.ReferralAwaitingDecision,
            m.RiskLevel switch { "high" => Risks.High, "standard" => Risks.Standard, _ => Risks.Medium },
            m.Agency == ReferralAwaitingDecisionV1.Nhs ? "perpetrator referral to NHS awaiting decision" : "victim referral to advocacy awaiting decision",
            m.ReceivedAt, m.CrimeReference, m.CaseId, m.PerpetratorId, referralId: m.ReferralId),
        RiskSummaryUpdatedV1 m => Make(m, messageId, ItemTypes.RiskSummary,
            new[] { m.RiskOfViolence, m.RiskOfPersistence, m.RiskOfRecurrence, m.RiskOfPsychologicalDamage }.Contains("high") ? Risks.High : Risks.Medium,
            "NHS risk summary updated", m.AssessedAt, null, null, m.PerpetratorId, referralId: m.ReferralId),
        PsrDueV1 m => Make(m, messageId, ItemTypes.PsrDue, Risks.Medium, $"PSR due {m.DueDate:yyyy-MM-dd}", m.RaisedAt,
            null, null, m.PerpetratorId, extra: [new SourceRef("psr", m.ConsultationId.ToString(), nameof(PsrDueV1))]),
        ReleaseDueV1 m => Make(m, messageId, ItemTypes.ReleaseDue, Risks.High, "release from custody within 28 days", m.RaisedAt,
            null, null, m.PerpetratorId),
        VictimUpdateOverdueV1 m => Make(m, messageId, ItemTypes.VictimUpdateOverdue, Risks.Medium, $"victim update overdue ({m.Kind})",
            m.RaisedAt, m.CrimeReference, m.CaseId, null, extra: [new SourceRef("task", m.TaskId.ToString(), nameof(VictimUpdateOverdueV1))]),
        VictimVoiceSharedV1 m => Make(m, messageId, ItemTypes.VictimVoice, Risks.Medium, "the victim's voice, shared with consent",
            m.RecordedAt, m.CrimeReference, null, null, referralId: m.ReferralId, victimConsent: true),
        CaseEventForVictimV1 m => Make(m, messageId, ItemTypes.CaseEvent, m.Kind == "spo-breached" ? Risks.High : Risks.Standard,
            $"case event: {m.Kind}", m.OccurredAt, m.CrimeReference, m.CaseId, null),
        ProbationRecordSharedV1 { KnownToProbation: true } m => Make(m, messageId, ItemTypes.ProbationRecord,
            m.MappaCategory is not null ? Risks.Medium : Risks.Standard, "known to probation", m.SharedAt, null, null, m.PerpetratorId,
            referralId: m.ReferralId),
        InterventionStartedV1 m => Make(m, messageId, ItemTypes.Intervention, Risks.Standard, "NHS intervention started", m.StartedAt,
            null, null, m.PerpetratorId, extra: [new SourceRef("episode", m.EpisodeId.ToString(), nameof(InterventionStartedV1))]),
        InterventionEndedV1 m => Make(m, messageId, ItemTypes.Intervention, m.Reason == "disengaged" ? Risks.Medium : Risks.Standard,
            "NHS intervention ended", m.EndedAt, null, null, m.PerpetratorId,
            extra: [new SourceRef("episode", m.EpisodeId.ToString(), nameof(InterventionEndedV1))]),
        MappaEventV1 m => Make(m, messageId, ItemTypes.Mappa, Risks.Medium, $"MAPPA: {m.Kind}", m.OccurredAt, null, null, m.PerpetratorId),
        _ => null,
    };

    /// <summary>The agency that published each message type.</summary>
    public static string AgencyOf(Type messageType) => messageType.Name switch
    {
        nameof(AdvocacyReferralDecidedV1) or nameof(VictimUpdateOverdueV1) or nameof(VictimVoiceSharedV1) => "advocacy",
        nameof(NhsReferralDecidedV1) or nameof(RiskSummaryUpdatedV1) or nameof(InterventionStartedV1) or nameof(InterventionEndedV1) => "nhs",
        nameof(ProbationRecordSharedV1) or nameof(PsrDueV1) or nameof(ReleaseDueV1) or nameof(MappaEventV1) => "probation",
        _ => "police",
    };

    private static AgendaCandidate Make(
        object message, Guid messageId, string type, string risk, string reason, DateTimeOffset occurredAt,
        string? crimeReference, Guid? caseId, Guid? perpetratorId, Guid? nominalId = null, Guid? referralId = null,
        string? offence = null, string itemClass = "case.summary", bool victimConsent = false, IReadOnlyList<SourceRef>? extra = null)
    {
        var messageName = message.GetType().Name;
        var sources = new List<SourceRef>();
        if (caseId is { } c) sources.Add(new SourceRef("case", c.ToString(), messageName));
        if (perpetratorId is { } p) sources.Add(new SourceRef("perpetrator", p.ToString(), messageName));
        if (nominalId is { } n) sources.Add(new SourceRef("nominal", n.ToString(), messageName));
        if (referralId is { } r) sources.Add(new SourceRef("referral", r.ToString(), messageName));
        sources.AddRange(extra ?? []);
        return new AgendaCandidate(messageId.ToString(), messageName, type, risk, reason, occurredAt, crimeReference,
            caseId, perpetratorId, nominalId, referralId, offence, itemClass, victimConsent, sources, FieldsOf(message));
    }

    /// <summary>
    /// The message's values with the classes of its [DataClass] labels. Ids and instants are
    /// left out: they become source links and the item's time.
    /// </summary>
    public static IReadOnlyList<ItemField> FieldsOf(object message)
    {
        var type = message.GetType();
        // A pending referral comes from advocacy or the NHS: the message names which.
        var agency = message is ReferralAwaitingDecisionV1 pending ? pending.Agency : AgencyOf(type);
        var fields = new List<ItemField>();
        foreach (var (name, dataClass) in ContractCheck.Fields(type))
        {
            var value = type.GetProperty(name)?.GetValue(message);
            if (value is null or Guid or DateTimeOffset || dataClass is null)
                continue;
            fields.Add(new ItemField(agency, Snake(name), dataClass, Format(value)));
        }
        return fields;
    }

    private static string Format(object value) => value switch
    {
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static string Snake(string name) =>
        string.Concat(name.Select((ch, i) => char.IsUpper(ch) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(ch) : ch.ToString()));
}
