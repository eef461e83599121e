using Masip.Contracts.Nhs;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Nhs.Interventions.StartingInterventions;

public sealed record StartIntervention(Guid EpisodeId, Guid ReferralId, string Modality, int PlannedSessions);

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

    // planned_sessions (1..100) and the lengths are the request's bounds (nhs.proto), checked before this.
    public static StartIntervention Validate(StartInterventionRequest request) => new(
        Require.Id(request.EpisodeId, "episode_id"),
        Require.Id(request.ReferralId, "referral_id"),
        Require.OneOf(request.Modality, "modality", Modalities),
        request.PlannedSessions);

    /// <summary>
    /// An episode needs an accepted referral; the clinician who starts it (the actor) is its
    /// clinician. Idempotent by episode id: the same start by the same clinician decides nothing.
    /// </summary>
    public static IReadOnlyList<object> Decide(Referral referral, Episode? current, StartIntervention command, Actor actor, DateTimeOffset now)
    {
        if (current is not null)
        {
            var same = current.ReferralId == command.ReferralId && current.Modality == command.Modality
                && current.PlannedSessions == command.PlannedSessions && current.Clinician == actor.Subject;
            return same ? [] : throw new DuplicateRecordException("episode_id", "a different episode already has this id");
        }
        if (referral.Status != ReferralStatus.Accepted)
            throw new RuleViolationException("referral_id", $"the referral is {referral.Status.ToString().ToLowerInvariant()}; accept it first");
        return [new InterventionStarted(command.EpisodeId, referral.Id, referral.PerpetratorId, referral.Route,
            command.Modality, command.PlannedSessions, actor.Subject, now)];
    }
}
