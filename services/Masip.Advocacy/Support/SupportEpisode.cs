using Masip.Advocacy.Referrals;

namespace Masip.Advocacy.Support;

public enum EpisodeStatus { Open, Closed }

/// <summary>Support began: brief (one-off, signposting) or advocacy (long-term).</summary>
public sealed record SupportEpisodeOpened(Guid EpisodeId, Guid ReferralId, string AdvocateId, SupportLevel Level, RiskLevel RiskLevel, DateTimeOffset OpenedAt);

public sealed record SupportEpisodeClosed(Guid EpisodeId, Guid ReferralId, string Outcome, string? Notes, string ClosedBy, DateTimeOffset ClosedAt);

/// <summary>A new version of the safety plan; each revision is an event, the plan is never edited in place.</summary>
public sealed record SafetyPlanRevised(Guid EpisodeId, int Version, IReadOnlyList<string> Measures, string RevisedBy, DateTimeOffset RevisedAt);

public sealed record SafetyPlanVersion(int Version, List<string> Measures, string RevisedBy, DateTimeOffset RevisedAt);

/// <summary>One episode of support for a referred victim, with its safety plan versions (inline snapshot).</summary>
public sealed record SupportEpisode(
    Guid Id,
    Guid ReferralId,
    string AdvocateId,
    SupportLevel Level,
    RiskLevel RiskLevel,
    EpisodeStatus Status,
    DateTimeOffset OpenedAt)
{
    public string? Outcome { get; init; }
    public string? OutcomeNotes { get; init; }
    public DateTimeOffset? ClosedAt { get; init; }
    public List<SafetyPlanVersion> SafetyPlans { get; init; } = [];

    public int SafetyPlanVersion => SafetyPlans.Count == 0 ? 0 : SafetyPlans[^1].Version;

    public static SupportEpisode Create(SupportEpisodeOpened e) =>
        new(e.EpisodeId, e.ReferralId, e.AdvocateId, e.Level, e.RiskLevel, EpisodeStatus.Open, e.OpenedAt);

    public SupportEpisode Apply(SupportEpisodeClosed e) => this with
    {
        Status = EpisodeStatus.Closed, Outcome = e.Outcome, OutcomeNotes = e.Notes, ClosedAt = e.ClosedAt,
    };

    public SupportEpisode Apply(SafetyPlanRevised e) => this with
    {
        SafetyPlans = [.. SafetyPlans, new SafetyPlanVersion(e.Version, [.. e.Measures], e.RevisedBy, e.RevisedAt)],
    };
}
