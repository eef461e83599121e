using Masip.ServiceDefaults.Persistence;

namespace Masip.Advocacy.VictimUpdates;

/// <summary>
/// A police case event was applied: the victim is to be updated (task <paramref name="TaskId"/>).
/// <paramref name="Sequence"/> is the event's position in the police event store (null when the
/// message carried none).
/// </summary>
public sealed record PoliceCaseEventApplied(Guid CaseId, long? Sequence, Guid TaskId, string Kind, DateTimeOffset OccurredAt, DateTimeOffset AppliedAt);

/// <summary>
/// What advocacy has applied of one police case's news: the newest police event store position,
/// so that older news arriving late (retries reorder messages) is told apart (issue 13.3).
/// One stream per police case; inline snapshot.
/// </summary>
public sealed record CaseNews(Guid Id, Guid CaseId, long? LastSequence)
{
    public static Guid StreamIdFor(Guid caseId) => DeterministicId.For("police-case-news", caseId.ToString("N"));

    public static CaseNews Create(PoliceCaseEventApplied e) => new(StreamIdFor(e.CaseId), e.CaseId, e.Sequence);

    public CaseNews Apply(PoliceCaseEventApplied e) => this with { LastSequence = e.Sequence ?? LastSequence };
}
