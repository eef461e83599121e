using Marten;
using Masip.Probation.Mappa.Flagging;
using Masip.Probation.People;
using Masip.Probation.Referrals.ReferringToNhs;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Probation.Work;

/// <summary>
/// A meeting's decision that probation refer a person it manages to the NHS is made at once, as
/// probation's own referral (ProbationReferredToNhsV1), by the chair who decided it: one referral
/// per decision (a deterministic id), so a redelivered decision refers nothing new. The risk level
/// is the police's latest for the case when probation holds it. A person probation does not know
/// (no one with that police perpetrator id) leaves the decision as a task.
/// </summary>
internal static class ProbationDecisionWork
{
    public const string ReferToNhs = "refer-to-nhs";

    public static async Task<bool> TryReferToNhs(CommandScope scope, Guid decisionId, Guid? caseId, Guid? perpetratorId, string meetingType,
        DateOnly meetingDate, string detail, string decidedBy, DateTimeOffset decidedAt, ILogger logger)
    {
        if (perpetratorId is not { } perpetrator)
            return false;
        var person = await scope.Session.Query<Person>().Where(p => p.PerpetratorId == perpetrator).FirstOrDefaultAsync(scope.Cancellation);
        if (person is null)
        {
            logger.LogInformation("Meeting decision {DecisionId}: no person known for perpetrator {PerpetratorId}; left as a task", decisionId, perpetrator);
            return false;
        }
        var referralId = DeterministicId.For("meeting-referral", decisionId, ReferToNhs);
        var stream = await scope.Stream<ProbationNhsReferral>(referralId);
        if (stream.Aggregate is not null)
            return true;
        var risk = caseId is { } id ? (await scope.Load<TieredCase>(id))?.RiskLevel : null;
        var command = new ReferToNhs(referralId, person.Id, detail.Contains("intervention", StringComparison.OrdinalIgnoreCase) ? "intervention" : "assessment",
            risk is { } r && ReferToNhsDecision.RiskLevels.ContainsKey(r) ? r : "medium",
            // A Griffin meeting's detail is griffin.restricted: it does not become a probation record.
            meetingType == "griffin" ? $"decided at the griffin meeting of {meetingDate:yyyy-MM-dd}" : $"decided at the {meetingType} meeting of {meetingDate:yyyy-MM-dd}: {detail}");
        stream.AppendMany(ReferToNhsDecision.Decide(null, person, command, new Actor(decidedBy, "police", "meeting-chair"), decidedAt));
        logger.LogInformation("Meeting decision {DecisionId}: person {PersonId} referred to the NHS", decisionId, person.Id);
        return true;
    }
}
