using Grpc.Core;
using Masip.Advocacy.Referrals.Triaging;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    public override Task<ReferralReply> TriageReferral(TriageReferralRequest request, ServerCallContext context)
    {
        var command = new TriageReferral(
            Require.Id(request.ReferralId, "referral_id"),
            request.SashAnswers.Select(a => (Require.Text(a.Question, "sash_answers.question").ToLowerInvariant(), a.Yes)).ToList(),
            new RiskIndicators(request.Violence, request.Children, request.CurrentCourtCase, request.BreakIns),
            string.IsNullOrWhiteSpace(request.ProfessionalJudgement) ? null
                : Require.OneOf(request.ProfessionalJudgement, "professional_judgement", TriageReferralDecision.Levels),
            Require.OptionalText(request.JudgementRationale, "judgement_rationale"));
        return pipeline.OnStream<Referral, ReferralReply>(context, command.ReferralId, "referral_id",
            (current, scope) => TriageReferralDecision.Decide(current, command, scope.Actor, scope.Now), ToReply);
    }
}
