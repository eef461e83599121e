using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions.StartingInterventions;

public sealed record StartIntervention(Guid EpisodeId, Guid ReferralId, string Modality, int PlannedSessions, string Clinician);

public static class StartInterventionDecision
{
    /// <summary>
    /// Stalking-specific modalities only. Domestic-abuse group programmes are deliberately absent:
    /// stalkers must not be referred to them (001 L779).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> Modalities = new[]
    {
        "cbt", "act", "distress-tolerance", "emotion-regulation", "schema-therapy", "emdr",
    }.ToDictionary(m => m);

    public static StartIntervention Validate(StartInterventionRequest request)
    {
        if (request.PlannedSessions is < 1 or > 100)
            throw new InvalidFieldException("planned_sessions", "must be between 1 and 100");
        return new StartIntervention(
            Require.Id(request.EpisodeId, "episode_id"),
            Require.Id(request.ReferralId, "referral_id"),
            Require.OneOf(request.Modality, "modality", Modalities),
            request.PlannedSessions,
            Require.Text(request.Clinician, "clinician", 100));
    }

    /// <summary>An episode needs an accepted referral. Idempotent by episode id.</summary>
    public static IReadOnlyList<object> Decide(Referral? referral, Episode? current, StartIntervention command, DateTimeOffset now)
    {
        if (referral is null)
            throw new RecordNotFoundException("referral_id", $"no referral {command.ReferralId}");
        if (current is not null)
        {
            var same = current.ReferralId == command.ReferralId && current.Modality == command.Modality
                && current.PlannedSessions == command.PlannedSessions && current.Clinician == command.Clinician;
            return same ? [] : throw new DuplicateRecordException("episode_id", "a different episode already has this id");
        }
        if (referral.Status != ReferralStatus.Accepted)
            throw new RuleViolationException("referral_id", $"the referral is {referral.Status.ToString().ToLowerInvariant()}; accept it first");
        return [new InterventionStarted(command.EpisodeId, referral.Id, referral.PerpetratorId, referral.Route,
            command.Modality, command.PlannedSessions, command.Clinician, now)];
    }
}
