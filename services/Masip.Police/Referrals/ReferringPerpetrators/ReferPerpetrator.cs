using Masip.Police.Cases;
using Masip.Police.Perpetrators;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Referrals.ReferringPerpetrators;

/// <summary>Receiver nhs (request assessment | intervention) or probation (known-to-probation | psr-consultation).</summary>
public sealed record ReferPerpetrator(Guid ReferralId, Guid CaseId, string Receiver, string Request, string Reason);

public static class ReferPerpetratorDecision
{
    public static readonly IReadOnlyDictionary<string, string> NhsServices = new[] { "assessment", "intervention" }.ToDictionary(v => v, v => v);
    public static readonly IReadOnlyDictionary<string, string> ProbationQuestions =
        new[] { "known-to-probation", "psr-consultation" }.ToDictionary(v => v, v => v);

    /// <summary>
    /// Idempotent by referral id (the same officer sending the same referral). The message carries the perpetrator's identity and, for the
    /// NHS, the reviewed risk level: never the victim's details.
    /// </summary>
    public static IReadOnlyList<object> Decide(PerpetratorReferral? current, StacCase @case, Perpetrator? perpetrator, ReferPerpetrator command, Actor actor, DateTimeOffset now)
    {
        if (current is not null)
            return current.Receiver == command.Receiver && current.Request == command.Request && current.CaseId == command.CaseId
                && current.Reason == command.Reason && current.ReferredBy == actor.Subject
                ? []
                : throw new DuplicateRecordException("referral_id", "a different referral already has this id");
        if (@case.PerpetratorId is null || perpetrator is null)
            throw new RuleViolationException("case_id", "the report names no identified suspect to refer");
        if (command.Receiver == "nhs")
        {
            var risk = @case.Review?.RiskLevel
                ?? throw new RuleViolationException("case_id", "review the report first: an NHS referral carries the risk level");
            return [new PerpetratorReferredToNhs(command.ReferralId, @case.Id, perpetrator.Id, perpetrator.Name, perpetrator.DateOfBirth,
                perpetrator.PncId, command.Request, risk, command.Reason, actor.Subject, now)];
        }
        return [new PerpetratorReferredToProbation(command.ReferralId, @case.Id, perpetrator.Id, perpetrator.Name, perpetrator.DateOfBirth,
            perpetrator.PncId, command.Request, command.Reason, actor.Subject, now)];
    }
}
