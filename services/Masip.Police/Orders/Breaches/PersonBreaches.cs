using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Orders.Breaches;

public sealed record CountedBreach(Guid OrderId, string OrderKind, Guid BreachId, Guid CaseId, DateOnly BreachedOn);

/// <summary>A breach of one of the person's orders, counted with the others.</summary>
public sealed record BreachCounted(Guid PerpetratorId, CountedBreach Breach, DateTimeOffset CountedAt);

/// <summary>
/// Two or more breaches of any orders by one person make a separate stalking offence (001
/// L815-819): the officer is prompted, once, with every breach that counted. The prompt lands on
/// the case of the breach that crossed the line (its further-offence prompt).
/// </summary>
public sealed record SeparateOffenceReviewPrompted(Guid PerpetratorId, Guid CaseId, IReadOnlyList<CountedBreach> Breaches, DateTimeOffset PromptedAt);

/// <summary>Every breach of every order restraining one person: one stream per person, so two breaches recorded at once meet as a write conflict.</summary>
public sealed record PersonBreaches
{
    public Guid Id { get; init; }
    public Guid PerpetratorId { get; init; }
    public IReadOnlyList<CountedBreach> Breaches { get; init; } = [];
    public SeparateOffenceReviewPrompted? Review { get; init; }

    public static Guid IdFor(Guid perpetratorId) => DeterministicId.For("person-breaches", perpetratorId.ToString("N"));

    public static PersonBreaches Create(BreachCounted e) => new()
    {
        Id = IdFor(e.PerpetratorId),
        PerpetratorId = e.PerpetratorId,
        Breaches = [e.Breach],
    };

    public PersonBreaches Apply(BreachCounted e) => this with { Breaches = [.. Breaches, e.Breach] };

    public PersonBreaches Apply(SeparateOffenceReviewPrompted e) => this with { Review = e };
}

public static class BreachCounting
{
    public const int SeparateOffenceThreshold = 2;

    /// <summary>Counts a breach once (by its id); the second breach of any order prompts the review, and no later one prompts it again.</summary>
    public static IReadOnlyList<object> Decide(PersonBreaches? current, Guid perpetratorId, CountedBreach breach, DateTimeOffset now)
    {
        if (current?.Breaches.Any(b => b.BreachId == breach.BreachId) == true)
            return [];
        var counted = new BreachCounted(perpetratorId, breach, now);
        var breaches = (IReadOnlyList<CountedBreach>)[.. current?.Breaches ?? [], breach];
        if (current?.Review is not null || breaches.Count < SeparateOffenceThreshold)
            return [counted];
        return [counted, new SeparateOffenceReviewPrompted(perpetratorId, breach.CaseId, breaches, now)];
    }
}
