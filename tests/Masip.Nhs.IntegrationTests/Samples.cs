using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;

namespace Masip.Nhs.IntegrationTests;

/// <summary>Synthetic requests and messages (made-up people, PNC ids of the 99/ series).</summary>
internal static class Samples
{
    private static int _person = 100;

    public static RecordReferralRequest Referral(string route = "probation", string risk = "medium") => new()
    {
        ReferralId = Guid.NewGuid().ToString(),
        Route = route,
        PerpetratorId = Guid.NewGuid().ToString(),
        PerpetratorName = $"Test Person {Interlocked.Increment(ref _person)}",
        DateOfBirth = "1985-04-12",
        PncId = "99/123456X",
        Service = "assessment",
        RiskLevel = risk,
        Reason = "subject of a s4A investigation; fixated on a former colleague",
        Referrer = "probation-officer-07",
    };

    public static PerpetratorReferredToNhsV1 PoliceReferral(string risk = "high") => new(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), $"Test Person {Interlocked.Increment(ref _person)}",
        new DateOnly(1979, 8, 30), "99/654321Y", "assessment", risk, "Griffin candidate; repeated breaches", "officer-014",
        DateTimeOffset.UtcNow);

    public static CompleteAssessmentRequest Assessment(string referralId, string marker = "")
    {
        var request = new CompleteAssessmentRequest
        {
            AssessmentId = Guid.NewGuid().ToString(),
            ReferralId = referralId,
            RiskOfViolence = new() { Level = "high", Rationale = $"VIOLENCE-RATIONALE{marker}: threats with a weapon described" },
            Persistence = new() { Level = "moderate", Rationale = $"PERSISTENCE-RATIONALE{marker}: 14 months of contact" },
            Recurrence = new() { Level = "high", Rationale = $"RECURRENCE-RATIONALE{marker}: prior victims" },
            PsychologicalDamage = new() { Level = "low", Rationale = $"DAMAGE-RATIONALE{marker}: victim supported" },
            Formulation = $"FORMULATION{marker}: rejection after separation, ruminative grievance, poor emotion regulation",
            RiskSummary = "High risk of violence and recurrence; contact with the victim should be prevented.",
        };
        request.MullenTypes.Add("rejected");
        request.MullenTypes.Add("resentful");
        return request;
    }

    public static async Task<NhsReferralReply> AcceptedReferralAsync(NhsWorld world, string route = "probation")
    {
        var recorded = await world.Referrals.RecordReferralAsync(Referral(route));
        return await world.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = recorded.ReferralId });
    }

    public static StartInterventionRequest Episode(string referralId, string modality = "cbt", int planned = 12) => new()
    {
        EpisodeId = Guid.NewGuid().ToString(),
        ReferralId = referralId,
        Modality = modality,
        PlannedSessions = planned,
    };

    public static string Today => DateTime.UtcNow.ToString("yyyy-MM-dd");

    public static RecordOutcomeMeasureRequest Measure(string episodeId, string point, string measure, double value) => new()
    {
        EpisodeId = episodeId,
        MeasureId = Guid.NewGuid().ToString(),
        Point = point,
        Measure = measure,
        Instrument = measure switch { "wellbeing" => "WEMWBS", "mood" => "PHQ-9", "functioning" => "WSAS", _ => "RRS" },
        ScaleMin = measure switch { "wellbeing" => 14, "rumination" => 22, _ => 0 },
        ScaleMax = measure switch { "wellbeing" => 70, "mood" => 27, "functioning" => 40, _ => 88 },
        Value = value,
        MeasuredOn = Today,
    };
}
