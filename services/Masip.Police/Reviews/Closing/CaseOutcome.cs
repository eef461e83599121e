using Masip.Police.Reviews.Closing;

namespace Masip.Police.Cases;

/// <summary>
/// How the case closed, in the terms the Home Office counts (DOMAIN.md "Outcomes"): the outcome
/// code, the reason for no further action, and why a victim withdrew support. Recorded with the
/// closure, beside CaseClosed.
/// </summary>
public sealed record CaseOutcomeRecorded(
    Guid CaseId,
    string Outcome,
    string? HomeOfficeOutcome,
    string? NfaReason,
    string? WithdrawalReason,
    string ClosedBy,
    DateTimeOffset ClosedAt);

public sealed record CaseClosure(string Outcome, string? HomeOfficeOutcome, string? NfaReason, string? WithdrawalReason, string ClosedBy, DateTimeOffset ClosedAt);

public sealed partial record StacCase
{
    public CaseClosure? Closure { get; init; }

    // Indexed copies for the statistics.
    public string? HomeOfficeOutcome => Closure?.HomeOfficeOutcome;
    public string? NfaReason => Closure?.NfaReason;

    public StacCase Apply(CaseOutcomeRecorded e) => this with
    {
        Closure = new CaseClosure(e.Outcome, e.HomeOfficeOutcome, e.NfaReason, e.WithdrawalReason, e.ClosedBy, e.ClosedAt),
        LastChangedAt = e.ClosedAt,
    };
}
