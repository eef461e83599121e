using Masip.Probation.Mappa.Flagging;
using Masip.Probation.Mappa.Recording;
using Masip.Probation.People;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Probation.Tests.Mappa;

public sealed class PersonTests_Mappa
{
    private static readonly Guid CaseId = Guid.Parse("ca5eca5e-2222-4333-8444-555555555555");

    private static RecordMappa Command(MappaEventKind kind, int? category = null, int? level = null, DateOnly? review = null, string? rationale = null) =>
        new(Given.PersonId, kind, category, level, review, rationale);

    [Fact]
    public void Given_a_known_person_with_no_MAPPA_consideration_When_a_Tier_3_case_arrives_Then_they_are_flagged_once()
    {
        var person = Given.Person(Given.PerpetratorId);

        var flagged = Assert.IsType<MappaConsiderationFlagged>(Assert.Single(FlagForMappaConsiderationDecision.Decide(person, CaseId, 3, Given.Now)));

        Assert.Equal(CaseId, flagged.CaseId);
        Assert.Empty(FlagForMappaConsiderationDecision.Decide(person.With(flagged), Guid.NewGuid(), 3, Given.Now));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void When_the_case_is_not_Tier_3_Then_no_flag(int tier)
    {
        Assert.Empty(FlagForMappaConsiderationDecision.Decide(Given.Person(Given.PerpetratorId), CaseId, tier, Given.Now));
    }

    [Fact]
    public void Given_a_MAPPA_consideration_When_a_Tier_3_case_arrives_Then_no_flag()
    {
        var person = Given.Person(Given.PerpetratorId).With(new MappaConsidered(Given.PersonId, Given.PerpetratorId, "considered at DMM", Given.Now));

        Assert.Empty(FlagForMappaConsiderationDecision.Decide(person, CaseId, 3, Given.Now));
    }

    [Fact]
    public void Given_a_flag_When_MAPPA_is_considered_Then_the_flag_clears()
    {
        var person = Given.Person(Given.PerpetratorId).With(new MappaConsiderationFlagged(Given.PersonId, CaseId, Given.Now));

        var events = RecordMappaDecision.Decide(person, Command(MappaEventKind.Considered, rationale: "category 3 criteria met"), Given.Now);

        var after = person.With([.. events]);
        Assert.True(after.Mappa.Considered);
        Assert.Null(after.MappaFlaggedCaseId);
    }

    [Fact]
    public void When_considering_without_a_rationale_Then_rationale_is_required()
    {
        var error = Assert.Throws<InvalidFieldException>(() => RecordMappaDecision.Decide(Given.Person(), Command(MappaEventKind.Considered), Given.Now));

        Assert.Equal("rationale", error.Field);
    }

    [Fact]
    public void Given_no_referral_When_accepting_Then_it_is_FailedPrecondition_and_after_a_referral_it_is_accepted()
    {
        var person = Given.Person(Given.PerpetratorId);
        Assert.Throws<RuleViolationException>(() => RecordMappaDecision.Decide(person, Command(MappaEventKind.Accepted), Given.Now));

        person = person.With([.. RecordMappaDecision.Decide(person, Command(MappaEventKind.Referred, category: 3), Given.Now)]);
        person = person.With([.. RecordMappaDecision.Decide(person, Command(MappaEventKind.Accepted), Given.Now)]);

        Assert.Equal(MappaReferral.Accepted, person.Mappa.Referral);
        Assert.Equal(3, person.Mappa.Category);
        Assert.Empty(RecordMappaDecision.Decide(person, Command(MappaEventKind.Accepted), Given.Now));
    }

    [Theory]
    [InlineData(4, 1, "category")]
    [InlineData(3, 0, "level")]
    [InlineData(0, 2, "category")]
    public void When_setting_a_category_out_of_range_or_missing_Then_the_field_is_named(int category, int level, string field)
    {
        var command = Command(MappaEventKind.CategorySet, category == 0 ? null : category, level == 0 ? null : level);

        var error = Assert.Throws<InvalidFieldException>(() => RecordMappaDecision.Decide(Given.Person(), command, Given.Now));

        Assert.Equal(field, error.Field);
    }

    [Fact]
    public void When_setting_a_review_in_the_past_Then_review_date_is_refused_and_a_future_one_is_set()
    {
        Assert.Throws<InvalidFieldException>(() =>
            RecordMappaDecision.Decide(Given.Person(), Command(MappaEventKind.ReviewSet, review: Given.Today.AddDays(-1)), Given.Now));

        var set = Assert.IsType<MappaReviewSet>(Assert.Single(
            RecordMappaDecision.Decide(Given.Person(), Command(MappaEventKind.ReviewSet, review: Given.Today.AddMonths(3)), Given.Now)));
        Assert.Equal(Given.Today.AddMonths(3), set.ReviewDate);
    }
}
