namespace Masip.Police.Griffin.Reviewing;

/// <summary>
/// Griffin reviews each nominal at its meetings (about 300 at a time): a review due within 14
/// days is flagged "due", one whose date has passed "overdue", each once per review date; a new
/// review date starts again.
/// </summary>
public static class NominalReviews
{
    public const int DueWithinDays = 14;
    public const string Due = "due";
    public const string Overdue = "overdue";

    /// <summary>due | overdue | null (not yet within 14 days, or no review date / not a current nominal).</summary>
    public static string? StatusOf(Nominal nominal, DateOnly today) => nominal is { Status: "accepted", ReviewDue: { } due }
        ? due < today ? Overdue : due <= today.AddDays(DueWithinDays) ? Due : null
        : null;

    public static IReadOnlyList<object> Decide(Nominal? current, DateTimeOffset now)
    {
        if (current is null || StatusOf(current, DateOnly.FromDateTime(now.UtcDateTime)) is not { } status
            || current.ReviewAlertsRaised.Contains(status))
            return [];
        return [new NominalReviewDueRaised(current.Id, current.PerpetratorId, current.ReviewDue!.Value, status, now)];
    }
}
