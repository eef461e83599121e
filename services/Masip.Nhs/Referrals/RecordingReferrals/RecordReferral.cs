using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Referrals.RecordingReferrals;

/// <summary>A referral from outside the NHS; <paramref name="Referrer"/> is who referred (a GP, a probation officer, a court).</summary>
public sealed record RecordReferral(
    Guid ReferralId,
    string Route,
    Guid PerpetratorId,
    Guid? CaseId,
    string PerpetratorName,
    DateOnly? DateOfBirth,
    string? PncId,
    string Service,
    string RiskLevel,
    string Reason,
    string Referrer);

public static class RecordReferralDecision
{
    public static readonly IReadOnlyDictionary<string, string> Routes = Keys("police", "probation", "court", "prison", "gp", "other");
    public static readonly IReadOnlyDictionary<string, string> Services = Keys("assessment", "intervention");
    public static readonly IReadOnlyDictionary<string, string> RiskLevels = Keys("standard", "medium", "high");

    // Lengths, formats and plausible dates are the request's bounds (nhs.proto), checked before this.
    public static RecordReferral Validate(RecordReferralRequest request) => new(
        Require.Id(request.ReferralId, "referral_id"),
        Require.OneOf(request.Route, "route", Routes),
        Require.Id(request.PerpetratorId, "perpetrator_id"),
        string.IsNullOrWhiteSpace(request.CaseId) ? null : Require.Id(request.CaseId, "case_id"),
        Require.Text(request.PerpetratorName, "perpetrator_name"),
        string.IsNullOrWhiteSpace(request.DateOfBirth) ? null : Require.Date(request.DateOfBirth, "date_of_birth"),
        Require.OptionalText(request.PncId, "pnc_id"),
        Require.OneOf(request.Service, "service", Services),
        Require.OneOf(request.RiskLevel, "risk_level", RiskLevels),
        Require.Text(request.Reason, "reason"),
        Require.Text(request.Referrer, "referrer"));

    /// <summary>
    /// Idempotent by referral id: the same referral again decides nothing (a redelivered police
    /// message, a retried call, whoever retries it); a different referral under a used id is
    /// refused. The referrer is kept as the one who referred; the actor as the one who recorded it.
    /// </summary>
    public static IReadOnlyList<object> Decide(Referral? current, RecordReferral command, Actor actor, DateTimeOffset receivedAt)
    {
        if (current is null)
            return [new ReferralReceived(command.ReferralId, command.Route, command.PerpetratorId, command.CaseId,
                command.PerpetratorName, command.DateOfBirth, command.PncId, command.Service, command.RiskLevel,
                command.Reason, command.Referrer, receivedAt, actor.Subject)];

        var same = current.Route == command.Route
            && current.PerpetratorId == command.PerpetratorId
            && current.CaseId == command.CaseId
            && current.PerpetratorName == command.PerpetratorName
            && current.DateOfBirth == command.DateOfBirth
            && current.PncId == command.PncId
            && current.Service == command.Service
            && current.RiskLevel == command.RiskLevel
            && current.Reason == command.Reason
            && current.ReferredBy == command.Referrer;
        return same ? [] : throw new DuplicateRecordException("referral_id", "a different referral already has this id");
    }

    private static Dictionary<string, string> Keys(params string[] keys) => keys.ToDictionary(k => k);
}
