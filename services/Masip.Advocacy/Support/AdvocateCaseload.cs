using Masip.Advocacy.Infrastructure;

namespace Masip.Advocacy.Support;

/// <summary>An advocacy (long-term) case was added to the advocate's caseload.</summary>
public sealed record AdvocacyCaseTaken(string AdvocateId, Guid EpisodeId, Guid ReferralId, DateTimeOffset TakenAt);

/// <summary>An advocacy case left the advocate's caseload (its episode closed).</summary>
public sealed record AdvocacyCaseReleased(string AdvocateId, Guid EpisodeId, DateTimeOffset ReleasedAt);

/// <summary>
/// One stream per advocate holding their open advocacy cases. Every allocation appends here with
/// the version it read, so two allocations that both saw 19 cases cannot both commit: the cap
/// is enforced by the event store's optimistic concurrency, not by a read model.
/// </summary>
public sealed record AdvocateCaseload(Guid Id, string AdvocateId, List<Guid> OpenEpisodes)
{
    /// <summary>DOMAIN.md "Advocacy": caseload max 20 per advocate.</summary>
    public const int Capacity = 20;

    public static Guid StreamIdFor(string advocateId) => EventStreams.StreamIdFor("caseload", advocateId);

    public static AdvocateCaseload Create(AdvocacyCaseTaken e) => new(StreamIdFor(e.AdvocateId), e.AdvocateId, [e.EpisodeId]);

    public AdvocateCaseload Apply(AdvocacyCaseTaken e) => this with { OpenEpisodes = [.. OpenEpisodes, e.EpisodeId] };

    public AdvocateCaseload Apply(AdvocacyCaseReleased e) => this with { OpenEpisodes = [.. OpenEpisodes.Where(id => id != e.EpisodeId)] };
}
