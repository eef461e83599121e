using Marten;
using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Referrals;

/// <summary>
/// Referrals in. Each command's endpoint lives beside its use case (RecordingReferrals/...,
/// DecidingReferrals/...); the queries are in ReferralQueries.cs.
/// </summary>
public sealed partial class NhsReferralsGrpc(CommandPipeline pipeline, IQuerySession query) : NhsReferrals.NhsReferralsBase
{
    internal static NhsReferralReply ToReply(Referral referral) => new()
    {
        ReferralId = referral.Id.ToString(),
        PerpetratorId = referral.PerpetratorId.ToString(),
        CaseId = referral.CaseId?.ToString() ?? "",
        Route = referral.Route,
        Status = referral.Status.ToString().ToLowerInvariant(),
        Service = referral.Service,
        RiskLevel = referral.RiskLevel,
        PerpetratorName = referral.PerpetratorName,
        DateOfBirth = referral.DateOfBirth is { } dob ? Formats.Date(dob) : "",
        PncId = referral.PncId ?? "",
        Reason = referral.Route == Referral.Probation ? "" : referral.Reason,
        ProbationReason = referral.Route == Referral.Probation ? referral.Reason : "",
        Referrer = referral.ReferredBy,
        ReceivedAt = Formats.Instant(referral.ReceivedAt),
        RecordedBy = referral.RecordedBy ?? "",
        DecidedBy = referral.DecidedBy ?? "",
        DecidedAt = referral.DecidedAt is { } at ? Formats.Instant(at) : "",
        DeclineReason = referral.DeclineReason ?? "",
        AssessmentId = referral.AssessmentId?.ToString() ?? "",
    };
}
