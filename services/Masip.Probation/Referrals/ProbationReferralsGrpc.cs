using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Referrals;

/// <summary>Answers to police referrals (the answering itself is a consumer, Answering/); referrals to the NHS (ReferringToNhs/).</summary>
public sealed partial class ProbationReferralsGrpc(IQuerySession query, CommandPipeline pipeline) : ProbationReferrals.ProbationReferralsBase
{
    public override async Task<ReferralAnswerReply> GetReferralAnswer(GetReferralAnswerRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        var referral = await query.LoadAsync<ProbationReferral>(id, context.CancellationToken)
            ?? throw NotFound.For<ProbationReferral>("referral_id", id);
        return new ReferralAnswerReply
        {
            ReferralId = referral.Id.ToString(),
            PerpetratorId = referral.PerpetratorId.ToString(),
            Question = referral.Question,
            KnownToProbation = referral.KnownToProbation,
            PersonId = referral.PersonId?.ToString() ?? "",
            MatchedBy = referral.MatchedBy,
            AnsweredAt = Formats.Instant(referral.AnsweredAt),
        };
    }
}
