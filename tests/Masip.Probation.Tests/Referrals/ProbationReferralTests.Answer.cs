using Masip.Probation.People;
using Masip.Probation.Referrals;
using Masip.Probation.Referrals.Answering;
using Xunit;

namespace Masip.Probation.Tests.Referrals;

public sealed class ProbationReferralTests_Answer
{
    private static readonly AnswerReferral Question = new(Guid.Parse("4ef4ef4e-2222-4333-8444-555555555555"), Guid.NewGuid(), Given.PerpetratorId, "known-to-probation");

    [Fact]
    public void Given_no_match_When_answering_Then_not_known_with_nothing_shared()
    {
        var answered = Assert.IsType<ReferralAnswered>(Assert.Single(AnswerReferralDecision.Decide(null, Question, null, MatchedBy.None, Given.Now)));

        Assert.False(answered.KnownToProbation);
        Assert.Null(answered.OrderType);
        Assert.Null(answered.ResponsibleOfficer);
        Assert.Null(answered.PersonId);
    }

    [Fact]
    public void Given_a_person_on_licence_When_answering_Then_known_with_the_order_officer_MAPPA_category_and_release()
    {
        var person = Given.Person().With(
            new SupervisionRecorded(Given.PersonId, Guid.NewGuid(), OrderType.Licence, Given.Today.AddMonths(-1), Given.Today.AddMonths(11), [], "po-007", Given.Now),
            new MappaCategorySet(Given.PersonId, null, 3, 2, Given.Now),
            new CustodyRecorded(Given.PersonId, "HMP Test A", Given.Today.AddDays(40), Given.Now));

        var answered = Assert.IsType<ReferralAnswered>(Assert.Single(AnswerReferralDecision.Decide(null, Question, person, MatchedBy.PncId, Given.Now)));

        Assert.True(answered.KnownToProbation);
        Assert.Equal("licence", answered.OrderType);
        Assert.Equal(Given.Today.AddMonths(11), answered.OrderEnds);
        Assert.Equal("po-007", answered.ResponsibleOfficer);
        Assert.Equal(3, answered.MappaCategory);
        Assert.Equal(Given.Today.AddDays(40), answered.ExpectedRelease);
        Assert.Equal(MatchedBy.PncId, answered.MatchedBy);
    }

    [Fact]
    public void Given_an_answer_When_the_referral_comes_again_Then_nothing()
    {
        var first = (ReferralAnswered)AnswerReferralDecision.Decide(null, Question, null, MatchedBy.None, Given.Now)[0];

        Assert.Empty(AnswerReferralDecision.Decide(ProbationReferral.Create(first), Question, null, MatchedBy.None, Given.Now));
    }

    [Theory]
    [InlineData("Test  Person-12", "test person 12")]
    [InlineData(" O'NEIL, Test ", "o neil test")]
    [InlineData("  MARY  ann   JONÉS ", "mary ann jones")]
    [InlineData("Łukasz Wałęsa-Þórður", "lukasz walesa thordur")]
    public void Names_match_whatever_their_case_spacing_punctuation_and_accents(string name, string key)
    {
        Assert.Equal(key, PersonMatching.NameKey(name));
    }

    [Fact]
    public void Pnc_ids_match_whatever_their_case_and_spacing()
    {
        Assert.Equal("99/123456X", PersonMatching.Pnc(" 99/123456x "));
        Assert.Null(PersonMatching.Pnc("  "));
    }
}
