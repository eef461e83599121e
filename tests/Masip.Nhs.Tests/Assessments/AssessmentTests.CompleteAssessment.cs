using Masip.Contracts.Nhs;
using Masip.Nhs.Assessments;
using Masip.Nhs.Assessments.CompletingAssessments;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Errors;
using Xunit;
using SrpRating = Masip.Nhs.Assessments.SrpRating;

namespace Masip.Nhs.Tests.Assessments;

public sealed class AssessmentTests_CompleteAssessment
{
    private static readonly Guid AssessmentId = Guid.Parse("5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e05");
    private static readonly Guid EarlierId = Guid.Parse("6e7f8091-ab2c-4d3e-9f40-5b6c7d8e9f06");
    private static readonly Guid OtherId = Guid.Parse("7f8091a2-bc3d-4e4f-8051-6c7d8e9f0a07");

    private static CompleteAssessment Command(string formulation = "synthetic formulation", Guid? supersedes = null) => new(
        AssessmentId, Given.ReferralId,
        Given.Rating("high"), Given.Rating("moderate"), Given.Rating("high"), Given.Rating("low"),
        formulation, ["rejected", "resentful"], "High risk of recurrence; supervise contact closely.", supersedes);

    private static Assessment Earlier() => Assessment.Create(new AssessmentCompleted(EarlierId, Given.ReferralId, Given.PerpetratorId,
        "clinician-08", Given.Rating("low"), Given.Rating("low"), Given.Rating("low"), Given.Rating("low"), "earlier formulation",
        ["rejected"], "Low risk.", Given.Now.AddDays(-1)));

    [Fact]
    public void Given_an_accepted_referral_When_completing_Then_the_assessment_is_completed_by_the_calling_clinician_and_is_the_referrals()
    {
        var events = CompleteAssessmentDecision.Decide(Given.AcceptedReferral(), null, Command(), Given.Clinician, Given.Now);

        Assert.Equal(2, events.Count);
        var completed = Assert.IsType<AssessmentCompleted>(events[0]);
        Assert.Equal((Given.PerpetratorId, "clinician-03", Given.Now, (Guid?)null),
            (completed.PerpetratorId, completed.Clinician, completed.CompletedAt, completed.SupersedesAssessmentId));
        Assert.Equal(["rejected", "resentful"], completed.MullenTypes);
        var assessed = Assert.IsType<ReferralAssessed>(events[1]);
        Assert.Equal(AssessmentId, Given.AcceptedReferral().Apply(assessed).AssessmentId);
    }

    [Fact]
    public void Given_a_waiting_referral_When_completing_Then_it_is_completed()
    {
        Assert.IsType<AssessmentCompleted>(CompleteAssessmentDecision.Decide(Given.WaitingReferral(), null, Command(), Given.Clinician, Given.Now)[0]);
    }

    [Fact]
    public void Given_a_declined_referral_When_completing_Then_FailedPrecondition()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            CompleteAssessmentDecision.Decide(Given.DeclinedReferral(), null, Command(), Given.Clinician, Given.Now));

        Assert.Equal("referral_id", error.Field);
    }

    [Fact]
    public void Given_an_assessed_referral_When_a_second_assessment_does_not_say_what_it_supersedes_Then_FailedPrecondition_naming_supersedes_assessment_id()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            CompleteAssessmentDecision.Decide(Given.AssessedReferral(EarlierId), null, Command(), Given.Clinician, Given.Now));

        Assert.Equal("supersedes_assessment_id", error.Field);
        Assert.Contains(EarlierId.ToString(), error.Message);
    }

    [Fact]
    public void Given_an_assessed_referral_When_a_reassessment_supersedes_its_assessment_Then_it_is_recorded_as_superseding_it()
    {
        var events = CompleteAssessmentDecision.Decide(Given.AssessedReferral(EarlierId), null, Command(supersedes: EarlierId), Given.Clinician, Given.Now);

        Assert.Equal(3, events.Count);
        var completed = Assert.IsType<AssessmentCompleted>(events[0]);
        Assert.Equal(EarlierId, completed.SupersedesAssessmentId);
        Assert.Equal(new ReferralAssessed(Given.ReferralId, AssessmentId, EarlierId, Given.Now), events[1]);
        var superseded = Assert.IsType<AssessmentSuperseded>(events[2]);
        Assert.Equal(AssessmentId, Earlier().Apply(superseded).SupersededBy);
        Assert.Equal(AssessmentId, Given.AssessedReferral(EarlierId).Apply((ReferralAssessed)events[1]).AssessmentId);
        Assert.Equal(EarlierId, Assessment.Create(completed).SupersedesAssessmentId);
    }

    [Fact]
    public void Given_an_assessed_referral_When_a_reassessment_names_another_assessment_Then_FailedPrecondition_naming_supersedes_assessment_id()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            CompleteAssessmentDecision.Decide(Given.AssessedReferral(EarlierId), null, Command(supersedes: OtherId), Given.Clinician, Given.Now));

        Assert.Equal("supersedes_assessment_id", error.Field);
    }

    [Fact]
    public void Given_a_referral_not_yet_assessed_When_an_assessment_claims_to_supersede_one_Then_FailedPrecondition_naming_supersedes_assessment_id()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            CompleteAssessmentDecision.Decide(Given.AcceptedReferral(), null, Command(supersedes: EarlierId), Given.Clinician, Given.Now));

        Assert.Equal("supersedes_assessment_id", error.Field);
    }

    [Fact]
    public void Given_the_same_assessment_When_completing_again_Then_nothing_changes_and_a_different_one_or_another_clinician_is_refused()
    {
        var current = Assessment.Create((AssessmentCompleted)CompleteAssessmentDecision.Decide(Given.AcceptedReferral(), null, Command(), Given.Clinician, Given.Now)[0]);
        var referral = Given.AssessedReferral(AssessmentId);

        Assert.Empty(CompleteAssessmentDecision.Decide(referral, current, Command(), Given.Clinician, Given.Now.AddHours(1)));
        Assert.Equal("assessment_id", Assert.Throws<DuplicateRecordException>(() =>
            CompleteAssessmentDecision.Decide(referral, current, Command("another"), Given.Clinician, Given.Now)).Field);
        Assert.Equal("assessment_id", Assert.Throws<DuplicateRecordException>(() =>
            CompleteAssessmentDecision.Decide(referral, current, Command(), Given.AnotherClinician, Given.Now)).Field);
    }

    private static CompleteAssessmentRequest Request()
    {
        var request = new CompleteAssessmentRequest
        {
            AssessmentId = AssessmentId.ToString(), ReferralId = Given.ReferralId.ToString(),
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
        var request = Request();
        request.MullenTypes.Add("intimacy-seeker");
        request.SupersedesAssessmentId = EarlierId.ToString();

        var command = CompleteAssessmentDecision.Validate(request);

        Assert.Equal(new SrpRating("moderate", "r2"), command.Persistence);
        Assert.Equal(["intimacy-seeker"], command.MullenTypes);
        Assert.Equal(EarlierId, command.SupersedesAssessmentId);
        Assert.Null(CompleteAssessmentDecision.Validate(Request()).SupersedesAssessmentId);
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

    [Fact]
    public void When_a_Mullen_type_is_not_one_of_the_five_Then_InvalidArgument_names_mullen_types()
    {
        var request = Request();
        request.MullenTypes.Add("stalker");

        Assert.Equal("mullen_types", Assert.Throws<InvalidFieldException>(() => CompleteAssessmentDecision.Validate(request)).Field);
    }
}
