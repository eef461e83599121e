using Masip.Contracts.Nhs;
using Masip.Nhs.Assessments;
using Masip.Nhs.Assessments.CompletingAssessments;
using Masip.ServiceDefaults.Errors;
using Xunit;
using SrpRating = Masip.Nhs.Assessments.SrpRating;

namespace Masip.Nhs.Tests.Assessments;

public sealed class AssessmentTests_CompleteAssessment
{
    private static readonly Guid AssessmentId = Guid.Parse("5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e05");

    private static CompleteAssessment Command(string formulation = "synthetic formulation") => new(
        AssessmentId, Given.ReferralId, "clinician-03",
        Given.Rating("high"), Given.Rating("moderate"), Given.Rating("high"), Given.Rating("low"),
        formulation, ["rejected", "resentful"], "High risk of recurrence; supervise contact closely.");

    [Fact]
    public void Given_an_accepted_referral_When_completing_Then_the_assessment_is_completed_for_its_perpetrator()
    {
        var events = CompleteAssessmentDecision.Decide(Given.AcceptedReferral(), null, Command(), Given.Now);

        var completed = Assert.IsType<AssessmentCompleted>(Assert.Single(events));
        Assert.Equal(Given.PerpetratorId, completed.PerpetratorId);
        Assert.Equal(["rejected", "resentful"], completed.MullenTypes);
        Assert.Equal(Given.Now, completed.CompletedAt);
    }

    [Fact]
    public void Given_a_waiting_referral_When_completing_Then_it_is_completed()
    {
        Assert.Single(CompleteAssessmentDecision.Decide(Given.WaitingReferral(), null, Command(), Given.Now));
    }

    [Fact]
    public void Given_no_referral_When_completing_Then_NotFound_naming_referral_id()
    {
        var error = Assert.Throws<RecordNotFoundException>(() => CompleteAssessmentDecision.Decide(null, null, Command(), Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void Given_a_declined_referral_When_completing_Then_FailedPrecondition()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            CompleteAssessmentDecision.Decide(Given.DeclinedReferral(), null, Command(), Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void Given_the_same_assessment_When_completing_again_Then_nothing_changes_and_a_different_one_is_refused()
    {
        var current = Assessment.Create((AssessmentCompleted)CompleteAssessmentDecision.Decide(Given.AcceptedReferral(), null, Command(), Given.Now)[0]);

        Assert.Empty(CompleteAssessmentDecision.Decide(Given.AcceptedReferral(), current, Command(), Given.Now.AddHours(1)));
        var error = Assert.Throws<DuplicateRecordException>(() =>
            CompleteAssessmentDecision.Decide(Given.AcceptedReferral(), current, Command("another"), Given.Now));
        Assert.Equal("assessment_id", error.Field);
    }

    private static CompleteAssessmentRequest Request()
    {
        var request = new CompleteAssessmentRequest
        {
            AssessmentId = AssessmentId.ToString(), ReferralId = Given.ReferralId.ToString(), Clinician = "clinician-03",
            RiskOfViolence = new() { Level = "high", Rationale = "r1" },
            Persistence = new() { Level = "moderate", Rationale = "r2" },
            Recurrence = new() { Level = "low", Rationale = "r3" },
            PsychologicalDamage = new() { Level = "high", Rationale = "r4" },
            Formulation = "f", RiskSummary = "s",
        };
        request.MullenTypes.Add("intimacy-seeker");
        return request;
    }

    [Fact]
    public void When_the_request_is_well_formed_Then_it_becomes_the_command()
    {
        var command = CompleteAssessmentDecision.Validate(Request());

        Assert.Equal(new SrpRating("moderate", "r2"), command.Persistence);
        Assert.Equal(["intimacy-seeker"], command.MullenTypes);
    }

    [Theory]
    [InlineData("risk_of_violence")]
    [InlineData("persistence")]
    [InlineData("recurrence")]
    [InlineData("psychological_damage")]
    public void When_a_rating_is_outside_its_scale_Then_InvalidArgument_names_the_field(string domain)
    {
        var request = Request();
        var rating = (Contracts.Nhs.SrpRating)CompleteAssessmentRequest.Descriptor.FindFieldByName(domain).Accessor.GetValue(request);
        rating.Level = "very-high";

        var error = Assert.Throws<InvalidFieldException>(() => CompleteAssessmentDecision.Validate(request));

        Assert.Equal(domain + ".level", error.Field);
    }

    [Fact]
    public void When_a_rating_has_no_rationale_Then_InvalidArgument_names_it()
    {
        var request = Request();
        request.Recurrence.Rationale = " ";

        Assert.Equal("recurrence.rationale", Assert.Throws<InvalidFieldException>(() => CompleteAssessmentDecision.Validate(request)).Field);
    }

    [Theory]
    [InlineData("stalker")]
    [InlineData(null)]
    public void When_the_Mullen_type_is_unknown_or_missing_Then_InvalidArgument_names_mullen_types(string? type)
    {
        var request = Request();
        request.MullenTypes.Clear();
        if (type is not null)
            request.MullenTypes.Add(type);

        Assert.Equal("mullen_types", Assert.Throws<InvalidFieldException>(() => CompleteAssessmentDecision.Validate(request)).Field);
    }
}
