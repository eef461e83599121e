namespace Masip.Probation.People;

public enum OrderType { CommunityOrder, SuspendedSentence, Licence, PostSentenceSupervision }

public enum LicenceConditionKind { NoContact, ExclusionZone, Residence, Curfew, ElectronicMonitoring, Other }

public enum MappaReferral { None, Made, Accepted }

// ---- events of a person known to probation

public sealed record PersonRegistered(Guid PersonId, string Name, DateOnly DateOfBirth, string? PncId, Guid? PerpetratorId, DateTimeOffset RegisteredAt);

public sealed record PersonDetailsUpdated(Guid PersonId, string Name, DateOnly DateOfBirth, string? PncId, Guid? PerpetratorId, DateTimeOffset UpdatedAt);

/// <summary>A police referral matched this person, who had no police perpetrator id yet.</summary>
public sealed record PerpetratorLinked(Guid PersonId, Guid PerpetratorId, Guid ReferralId, DateTimeOffset LinkedAt);

public sealed record SupervisionRecorded(
    Guid PersonId, Guid SupervisionId, OrderType OrderType, DateOnly Start, DateOnly? End,
    IReadOnlyList<string> Requirements, string ResponsibleOfficer, DateTimeOffset RecordedAt);

/// <summary>Napo: a no-contact condition attaches to the person, so it follows them between prisons and addresses.</summary>
public sealed record LicenceConditionAdded(
    Guid PersonId, Guid ConditionId, LicenceConditionKind Kind, string Detail, string? ProtectedPerson, DateTimeOffset AddedAt);

public sealed record CustodyRecorded(Guid PersonId, string Establishment, DateOnly ExpectedRelease, DateTimeOffset RecordedAt);

/// <summary>A release within 28 days became an item for the DMM (and the Griffin meeting for nominals); once per release date.</summary>
public sealed record ReleaseDueRaised(Guid PersonId, Guid? PerpetratorId, DateOnly ReleaseDate, string Establishment, string? LicenceConditions, DateTimeOffset RaisedAt);

// MAPPA (DOMAIN.md: category 3 "others who pose a risk: stalkers must be considered").
public sealed record MappaConsidered(Guid PersonId, Guid? PerpetratorId, string Rationale, DateTimeOffset ConsideredAt);
public sealed record MappaReferralMade(Guid PersonId, Guid? PerpetratorId, int? Category, DateTimeOffset ReferredAt);
public sealed record MappaReferralAccepted(Guid PersonId, Guid? PerpetratorId, int? Category, DateTimeOffset AcceptedAt);
public sealed record MappaCategorySet(Guid PersonId, Guid? PerpetratorId, int Category, int Level, DateTimeOffset SetAt);
public sealed record MappaReviewSet(Guid PersonId, Guid? PerpetratorId, DateOnly ReviewDate, DateTimeOffset SetAt);

/// <summary>A Tier 3 case of this person arrived with no MAPPA consideration on record.</summary>
public sealed record MappaConsiderationFlagged(Guid PersonId, Guid CaseId, DateTimeOffset FlaggedAt);

public sealed record Supervision(
    Guid SupervisionId, OrderType OrderType, DateOnly Start, DateOnly? End, IReadOnlyList<string> Requirements, string ResponsibleOfficer);

public sealed record LicenceCondition(Guid ConditionId, LicenceConditionKind Kind, string Detail, string? ProtectedPerson, DateTimeOffset AddedAt);

public sealed record MappaState(bool Considered, int? Category, int? Level, MappaReferral Referral, DateOnly? NextReview)
{
    public static readonly MappaState None = new(false, null, null, MappaReferral.None, null);
}

/// <summary>A person known to probation (inline snapshot: also the read model).</summary>
public sealed partial record Person(
    Guid Id,
    string Name,
    string NameKey,
    DateOnly DateOfBirth,
    string? PncId,
    Guid? PerpetratorId,
    IReadOnlyList<Supervision> Supervision,
    IReadOnlyList<LicenceCondition> LicenceConditions,
    string? Establishment,
    DateOnly? ExpectedRelease,
    DateOnly? ReleaseDueRaisedFor,
    DateTimeOffset? ReleaseDueRaisedAt,
    MappaState Mappa,
    Guid? MappaFlaggedCaseId,
    DateTimeOffset? MappaFlaggedAt,
    DateTimeOffset RegisteredAt)
{
    public static Person Create(PersonRegistered e) => new(
        e.PersonId, e.Name, PersonMatching.NameKey(e.Name), e.DateOfBirth, e.PncId, e.PerpetratorId,
        [], [], null, null, null, null, MappaState.None, null, null, e.RegisteredAt);

    public Person Apply(PersonDetailsUpdated e) => this with
    {
        Name = e.Name, NameKey = PersonMatching.NameKey(e.Name), DateOfBirth = e.DateOfBirth, PncId = e.PncId, PerpetratorId = e.PerpetratorId,
    };

    public Person Apply(PerpetratorLinked e) => this with { PerpetratorId = e.PerpetratorId };

    public Person Apply(SupervisionRecorded e) => this with
    {
        Supervision = [.. Supervision.Where(s => s.SupervisionId != e.SupervisionId),
            new Supervision(e.SupervisionId, e.OrderType, e.Start, e.End, e.Requirements, e.ResponsibleOfficer)],
    };

    public Person Apply(LicenceConditionAdded e) => this with
    {
        LicenceConditions = [.. LicenceConditions, new LicenceCondition(e.ConditionId, e.Kind, e.Detail, e.ProtectedPerson, e.AddedAt)],
    };

    public Person Apply(CustodyRecorded e) => this with { Establishment = e.Establishment, ExpectedRelease = e.ExpectedRelease };

    public Person Apply(ReleaseDueRaised e) => this with { ReleaseDueRaisedFor = e.ReleaseDate, ReleaseDueRaisedAt = e.RaisedAt };

    public Person Apply(MappaConsidered e) => Considered();

    public Person Apply(MappaReferralMade e) => Considered() with
    {
        Mappa = Mappa with { Considered = true, Referral = MappaReferral.Made, Category = e.Category ?? Mappa.Category },
    };

    public Person Apply(MappaReferralAccepted e) => Considered() with
    {
        Mappa = Mappa with { Considered = true, Referral = MappaReferral.Accepted, Category = e.Category ?? Mappa.Category },
    };

    public Person Apply(MappaCategorySet e) => Considered() with
    {
        Mappa = Mappa with { Considered = true, Category = e.Category, Level = e.Level },
    };

    public Person Apply(MappaReviewSet e) => Considered() with { Mappa = Mappa with { Considered = true, NextReview = e.ReviewDate } };

    public Person Apply(MappaConsiderationFlagged e) => this with { MappaFlaggedCaseId = e.CaseId, MappaFlaggedAt = e.FlaggedAt };

    // Any MAPPA decision is the consideration the guidance asks for: the flag clears.
    private Person Considered() => this with
    {
        Mappa = Mappa with { Considered = true }, MappaFlaggedCaseId = null, MappaFlaggedAt = null,
    };

    /// <summary>The supervision case in force on <paramref name="today"/> that ends last (open-ended first).</summary>
    public Supervision? CurrentSupervision(DateOnly today) => Supervision
        .Where(s => s.Start <= today && (s.End is null || s.End >= today))
        .OrderByDescending(s => s.End ?? DateOnly.MaxValue)
        .FirstOrDefault();

    /// <summary>The state after <paramref name="events"/>, as the inline snapshot will be once they are saved.</summary>
    public static Person? Fold(Person? state, IEnumerable<object> events)
    {
        foreach (var e in events)
            state = e switch
            {
                PersonRegistered x => Create(x),
                PersonDetailsUpdated x => state?.Apply(x),
                PerpetratorLinked x => state?.Apply(x),
                SupervisionRecorded x => state?.Apply(x),
                LicenceConditionAdded x => state?.Apply(x),
                CustodyRecorded x => state?.Apply(x),
                ReleaseDueRaised x => state?.Apply(x),
                MappaConsidered x => state?.Apply(x),
                MappaReferralMade x => state?.Apply(x),
                MappaReferralAccepted x => state?.Apply(x),
                MappaCategorySet x => state?.Apply(x),
                MappaReviewSet x => state?.Apply(x),
                MappaConsiderationFlagged x => state?.Apply(x),
                Masip.ServiceDefaults.DataProtection.RecordRectified x => state?.Apply(x),
                _ => throw new ArgumentException($"{e.GetType().Name} is not an event of a person"),
            };
        return state;
    }
}
