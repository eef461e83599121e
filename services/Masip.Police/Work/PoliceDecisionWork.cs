using Masip.Police.Cases;
using Masip.Police.Perpetrators;
using Masip.Police.Referrals;
using Masip.Police.Referrals.ReferringPerpetrators;
using Masip.Police.Referrals.ReferringVictimToAdvocacy;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Work;

namespace Masip.Police.Work;

/// <summary>
/// A meeting decision the police own, other than a tier change (MeetingTierDecision): a referral
/// to the NHS, probation or advocacy is made at once, as the police's own referral of the case
/// (the police hold the identities it carries), by the chair who decided it; anything else (consider
/// or apply for an SPO, a MAPPA referral, a victim update, a nomination) is a task on the police's
/// list. A referral the case cannot take (no identified suspect, not reviewed) becomes a task
/// instead, so the decision is not lost. One referral per decision (a deterministic id): a
/// redelivered decision decides nothing new.
/// </summary>
internal static class PoliceDecisionWork
{
    public const string ReferToNhs = "refer-to-nhs";
    public const string ReferToProbation = "refer-to-probation";
    public const string ReferToAdvocacy = "refer-to-advocacy";

    public static async Task Apply(CommandScope scope, AgencyTaskOpened task, string owner, string decidedBy, DateTimeOffset decidedAt, ILogger logger)
    {
        if (owner != PoliceHost.Name || task.Kind == "tier-change" || MeetingWork.NoTask.Contains(task.Kind))
            return;
        if (task.Kind is ReferToNhs or ReferToProbation or ReferToAdvocacy && task.CaseId is { } caseId)
        {
            var chair = new Actor(decidedBy, "police", "meeting-chair");
            // A Griffin meeting's detail is griffin.restricted: it does not travel in a referral.
            var reason = task.Restricted
                ? $"decided at the griffin meeting of {task.MeetingDate:yyyy-MM-dd}"
                : $"decided at the {task.MeetingType} meeting of {task.MeetingDate:yyyy-MM-dd}: {task.Detail}";
            try
            {
                await Refer(scope, task.Kind, task.OriginId, caseId, reason, chair, decidedAt);
                logger.LogInformation("Meeting decision {DecisionId}: {Kind} made for case {CaseId}", task.OriginId, task.Kind, caseId);
                return;
            }
            catch (DomainException e)
            {
                logger.LogWarning("Meeting decision {DecisionId}: {Kind} for case {CaseId} could not be made ({Field}); left as a task",
                    task.OriginId, task.Kind, caseId, e.Field);
            }
        }
        await MeetingWork.Open(scope, PoliceHost.Name, owner, task, logger);
    }

    /// <summary>The referral id of a meeting's referral decision: the same decision always refers once.</summary>
    public static Guid ReferralIdFor(Guid decisionId, string kind) => DeterministicId.For("meeting-referral", decisionId, kind);

    private static async Task Refer(CommandScope scope, string kind, Guid decisionId, Guid caseId, string reason, Actor chair, DateTimeOffset at)
    {
        var referralId = ReferralIdFor(decisionId, kind);
        var @case = await scope.Load<StacCase>(caseId) ?? throw NotFound.For<StacCase>("case_id", caseId);
        if (kind == ReferToAdvocacy)
        {
            var victim = @case.Report.Victim;
            var stream = await scope.Stream<VictimReferral>(referralId);
            if (stream.Aggregate is null)
                stream.AppendMany(ReferVictimToAdvocacyDecision.Decide(null,
                    new ReferVictimToAdvocacy(referralId, @case.CrimeReference, victim.Name, victim.Phone, victim.Email, reason), chair, at));
            return;
        }
        var referral = await scope.Stream<PerpetratorReferral>(referralId);
        if (referral.Aggregate is not null)
            return;
        var perpetrator = @case.PerpetratorId is { } id ? await scope.Load<Perpetrator>(id) : null;
        var command = kind == ReferToNhs
            ? new ReferPerpetrator(referralId, caseId, "nhs", reason.Contains("intervention", StringComparison.OrdinalIgnoreCase) ? "intervention" : "assessment", reason)
            : new ReferPerpetrator(referralId, caseId, "probation", reason.Contains("PSR", StringComparison.OrdinalIgnoreCase) ? "psr-consultation" : "known-to-probation", reason);
        referral.AppendMany(ReferPerpetratorDecision.Decide(null, @case, perpetrator, command, chair, at));
    }
}
