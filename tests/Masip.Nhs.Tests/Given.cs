using Masip.Nhs.Assessments;
using Masip.Nhs.Interventions;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Commands;

namespace Masip.Nhs.Tests;

/// <summary>Synthetic histories the tests start from.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid ReferralId = Guid.Parse("2b0f7c51-5a3e-4bb8-9c1e-6f1f0a9c7d01");
    public static readonly Guid PerpetratorId = Guid.Parse("7c3d1e22-0b4a-4e5f-8a6b-1c2d3e4f5a02");
    public static readonly Guid CaseId = Guid.Parse("9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c03");
    public static readonly Guid EpisodeId = Guid.Parse("4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c04");

    /// <summary>The clinician calling (the token's subject): the actor of what a command records.</summary>
    public static readonly Actor Clinician = new("clinician-03", "nhs", "clinician");

    public static readonly Actor AnotherClinician = new("clinician-08", "nhs", "clinician");

    public static ReferralReceived Received(string risk = "high", DateTimeOffset? at = null, Guid? id = null) => new(
        id ?? ReferralId, "police", PerpetratorId, CaseId, "Test Person 12", new DateOnly(1980, 2, 3), "99/123456X",
        "assessment", risk, "s4A case, fixated on ex-partner", "officer-014", at ?? Now.AddDays(-3), "nhs:PerpetratorReferredToNhsV1");

    public static Referral WaitingReferral() => Referral.Create(Received());

    public static Referral AcceptedReferral() =>
        WaitingReferral().Apply(new ReferralAccepted(ReferralId, PerpetratorId, "clinician-03", Now.AddDays(-2)));

    public static Referral AssessedReferral(Guid assessmentId) =>
        AcceptedReferral().Apply(new ReferralAssessed(ReferralId, assessmentId, null, Now.AddDays(-1)));

    public static Referral DeclinedReferral() =>
        WaitingReferral().Apply(new ReferralDeclined(ReferralId, PerpetratorId, "out of area", "clinician-03", Now.AddDays(-2)));

    public static Episode OpenEpisode(string modality = "cbt") => Episode.Create(new InterventionStarted(
        EpisodeId, ReferralId, PerpetratorId, "police", modality, 12, "clinician-03", Now.AddDays(-30)));

    public static Episode EndedEpisode(string reason = "completed") =>
        OpenEpisode().Apply(new InterventionEnded(EpisodeId, PerpetratorId, reason, Now.AddDays(-1)));

    public static SrpRating Rating(string level, string rationale = "synthetic rationale") => new(level, rationale);
}
