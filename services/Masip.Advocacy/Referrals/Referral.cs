namespace Masip.Advocacy.Referrals;

public enum ReferralStatus { Pending, Accepted, Declined }

/// <summary>A referral of a victim arrived (from the police, a helpline, the victim, another service).</summary>
public sealed record ReferralReceived(
    Guid ReferralId,
    string Source,
    string? CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    DateTimeOffset ReceivedAt,
    VictimContactPreferences? ContactPreferences = null);

/// <summary>
/// How the victim wants to be contacted, as agreed with the police and sent with a police referral
/// (safe numbers and times, no withheld numbers, interpreter and language, the name to use).
/// </summary>
public sealed record VictimContactPreferences(
    IReadOnlyList<string> SafeNumbers, string? SafeTimes, bool NoWithheldNumbers, bool InterpreterNeeded, string? Language, string? PreferredName);

/// <summary>The same victim in the same case was referred again: linked to this referral, not doubled.</summary>
public sealed record DuplicateReferralLinked(Guid ReferralId, Guid DuplicateReferralId, string Source, DateTimeOffset LinkedAt);

public sealed record ReferralAccepted(Guid ReferralId, string? CrimeReference, string AdvocateId, DateTimeOffset AcceptedAt);

public sealed record ReferralDeclined(Guid ReferralId, string? CrimeReference, string AdvocateId, string Reason, DateTimeOffset DeclinedAt);

/// <summary>SASH and professional judgement gave a risk level, and the risk level the level of support.</summary>
public sealed record ReferralTriaged(
    Guid ReferralId,
    int SashYesCount,
    int SashAnswerCount,
    RiskIndicators Indicators,
    RiskLevel ScoredRisk,
    RiskLevel? ProfessionalJudgement,
    string? JudgementRationale,
    RiskLevel RiskLevel,
    SupportLevel SupportLevel,
    string TriagedBy,
    DateTimeOffset TriagedAt);

public sealed record SupportAllocated(Guid ReferralId, Guid EpisodeId, string AdvocateId, SupportLevel Level, DateTimeOffset AllocatedAt);

public sealed record SupportEnded(Guid ReferralId, Guid EpisodeId, DateTimeOffset EndedAt);

/// <summary>Victims' Code: the update cadence and channel agreed with the victim.</summary>
public sealed record UpdatePreferencesAgreed(Guid ReferralId, int CadenceDays, string Channel, string AgreedBy, DateTimeOffset AgreedAt);

public sealed record VictimContactLogged(Guid ReferralId, Guid ContactId, string Channel, string Summary, string ContactedBy, Guid? TaskId, DateTimeOffset ContactedAt);

public sealed record ConsentToShareGiven(Guid ReferralId, string ShareWith, string RecordedBy, DateTimeOffset GivenAt);

public sealed record ConsentToShareWithdrawn(Guid ReferralId, string ShareWith, string RecordedBy, DateTimeOffset WithdrawnAt);

/// <summary>The victim's concerns and wishes; shared with the DMM only where the victim consented.</summary>
public sealed record VictimVoiceRecorded(
    Guid ReferralId, string? CrimeReference, string Concerns, string Wishes, string RecordedBy, bool SharedWithDmm, DateTimeOffset RecordedAt);

public enum RiskLevel { Standard = 1, Medium = 2, High = 3 }

public enum SupportLevel { Brief, Advocacy }

public sealed record RiskIndicators(bool Violence, bool Children, bool CurrentCourtCase, bool BreakIns);

public sealed record Contact(Guid ContactId, string Channel, string Summary, string ContactedBy, Guid? TaskId, DateTimeOffset ContactedAt);

public sealed record VoiceOfVictim(string Concerns, string Wishes, string RecordedBy, bool SharedWithDmm, DateTimeOffset RecordedAt);

public sealed record UpdatePreferences(int CadenceDays, string Channel, string AgreedBy, DateTimeOffset AgreedAt);

/// <summary>
/// A victim's referral to advocacy: pending until an advocate accepts or declines it; then
/// triage, support, contacts, consent and the victim's voice (inline snapshot: the read model).
/// </summary>
public sealed partial record Referral(
    Guid Id,
    ReferralStatus Status,
    string Source,
    string? CrimeReference,
    string VictimName,
    string? VictimPhone,
    string? VictimEmail,
    string Reason,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Newest first, after a page's last key: received_at is a duplicated column (ReferralsModule).</summary>
    public const string OlderThanKeySql = "(d.received_at, d.id) < (?, ?)";

    /// <summary>Crime reference + normalised victim name: how a second referral of the same victim is recognised.</summary>
    public string? DuplicateKey { get; init; }
    public List<Guid> LinkedReferralIds { get; init; } = [];
    public string? DecidedBy { get; init; }
    public DateTimeOffset? DecidedAt { get; init; }
    public string? DeclineReason { get; init; }
    public ReferralTriaged? Triage { get; init; }
    /// <summary>For ordering the allocation queue: 0 untriaged, else the risk level (3 high).</summary>
    public int RiskRank { get; init; }
    public bool AwaitingAllocation { get; init; }
    /// <summary>The open support episode, if any; closed ones move to <see cref="PastEpisodeIds"/>.</summary>
    public Guid? EpisodeId { get; init; }
    public List<Guid> PastEpisodeIds { get; init; } = [];
    /// <summary>Support ended: the triage is out of date until the victim is triaged again.</summary>
    public bool TriageStale { get; init; }
    public UpdatePreferences? UpdatePreferences { get; init; }
    public List<Contact> Contacts { get; init; } = [];
    public List<string> ConsentToShareWith { get; init; } = [];
    public VoiceOfVictim? Voice { get; init; }
    public VictimContactPreferences? ContactPreferences { get; init; }

    public bool HasConsentToShareWith(string party) => ConsentToShareWith.Contains(party);

    public static Referral Create(ReferralReceived received) => new(
        received.ReferralId, ReferralStatus.Pending, received.Source, received.CrimeReference, received.VictimName,
        received.VictimPhone, received.VictimEmail, received.Reason, received.ReceivedAt)
    {
        DuplicateKey = ReferralDuplicates.KeyOf(received.CrimeReference, received.VictimName),
        ContactPreferences = received.ContactPreferences,
    };

    public Referral Apply(DuplicateReferralLinked e) => this with { LinkedReferralIds = [.. LinkedReferralIds, e.DuplicateReferralId] };

    public Referral Apply(ReferralAccepted e) => this with { Status = ReferralStatus.Accepted, DecidedBy = e.AdvocateId, DecidedAt = e.AcceptedAt };

    public Referral Apply(ReferralDeclined e) => this with
    {
        Status = ReferralStatus.Declined, DecidedBy = e.AdvocateId, DecidedAt = e.DeclinedAt, DeclineReason = e.Reason,
        DuplicateKey = null, // a declined referral no longer holds the victim's place: a new referral starts afresh
    };

    public Referral Apply(ReferralTriaged e) => this with
    {
        Triage = e, RiskRank = (int)e.RiskLevel, AwaitingAllocation = EpisodeId is null, TriageStale = false,
    };

    public Referral Apply(SupportAllocated e) => this with { EpisodeId = e.EpisodeId, AwaitingAllocation = false };

    // A victim whose brief support ended may need advocacy later: a new triage puts them back in the queue.
    public Referral Apply(SupportEnded e) => this with
    {
        EpisodeId = null, PastEpisodeIds = [.. PastEpisodeIds, e.EpisodeId], TriageStale = true,
    };

    public Referral Apply(UpdatePreferencesAgreed e) => this with { UpdatePreferences = new(e.CadenceDays, e.Channel, e.AgreedBy, e.AgreedAt) };

    public Referral Apply(VictimContactLogged e) => this with
    {
        Contacts = [.. Contacts, new Contact(e.ContactId, e.Channel, e.Summary, e.ContactedBy, e.TaskId, e.ContactedAt)],
    };

    public Referral Apply(ConsentToShareGiven e) => this with { ConsentToShareWith = [.. ConsentToShareWith, e.ShareWith] };

    public Referral Apply(ConsentToShareWithdrawn e) => this with { ConsentToShareWith = [.. ConsentToShareWith.Where(p => p != e.ShareWith)] };

    public Referral Apply(VictimVoiceRecorded e) => this with { Voice = new(e.Concerns, e.Wishes, e.RecordedBy, e.SharedWithDmm, e.RecordedAt) };
}
