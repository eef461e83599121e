using Masip.ServiceDefaults.Persistence;

namespace Masip.Advocacy.Support;

/// <summary>An advocacy (long-term) case was added to the advocate's caseload.</summary>
public sealed record AdvocacyCaseTaken(string AdvocateId, Guid EpisodeId, Guid ReferralId, DateTimeOffset TakenAt);

/// <summary>An advocacy case left the advocate's caseload (its episode closed).</summary>
public sealed record AdvocacyCaseReleased(string AdvocateId, Guid EpisodeId, DateTimeOffset ReleasedAt);

/// <summary>A brief (one-off) case was given to the advocate: on their caseload, not under the cap.</summary>
public sealed record BriefCaseTaken(string AdvocateId, Guid EpisodeId, Guid ReferralId, DateTimeOffset TakenAt);

/// <summary>A brief case left the advocate's caseload (its episode closed).</summary>
public sealed record BriefCaseReleased(string AdvocateId, Guid EpisodeId, DateTimeOffset ReleasedAt);

/// <summary>
/// One stream per advocate holding their open cases. Every allocation appends here with the
/// version it read, so two allocations that both saw 19 advocacy cases cannot both commit: the
/// cap is enforced by the event store's optimistic concurrency, not by a read model. The inline
/// snapshot is also the workload view's row for the advocate (one document per advocate).
/// </summary>
public sealed record AdvocateCaseload(Guid Id, string AdvocateId, List<Guid> OpenEpisodes)
{
    /// <summary>DOMAIN.md "Advocacy": caseload max 20 per advocate (advocacy cases; brief support is not capped).</summary>
    public const int Capacity = 20;

    /// <summary>Open brief episodes: counted for the workload, not against the cap.</summary>
    public List<Guid> BriefEpisodes { get; init; } = [];

    public static Guid StreamIdFor(string advocateId) => DeterministicId.For("advocate-caseload", advocateId);

    public static AdvocateCaseload Create(AdvocacyCaseTaken e) => new(StreamIdFor(e.AdvocateId), e.AdvocateId, [e.EpisodeId]);

    public static AdvocateCaseload Create(BriefCaseTaken e) => new(StreamIdFor(e.AdvocateId), e.AdvocateId, []) { BriefEpisodes = [e.EpisodeId] };

    public AdvocateCaseload Apply(AdvocacyCaseTaken e) => this with { OpenEpisodes = [.. OpenEpisodes, e.EpisodeId] };

    public AdvocateCaseload Apply(AdvocacyCaseReleased e) => this with { OpenEpisodes = [.. OpenEpisodes.Where(id => id != e.EpisodeId)] };

    public AdvocateCaseload Apply(BriefCaseTaken e) => this with { BriefEpisodes = [.. BriefEpisodes, e.EpisodeId] };

    public AdvocateCaseload Apply(BriefCaseReleased e) => this with { BriefEpisodes = [.. BriefEpisodes.Where(id => id != e.EpisodeId)] };
}
