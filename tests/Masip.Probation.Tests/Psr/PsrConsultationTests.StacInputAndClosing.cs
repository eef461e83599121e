using Masip.Probation.Psr;
using Masip.Probation.Psr.Closing;
using Masip.Probation.Psr.RecordingStacInput;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Probation.Tests.Psr;

public sealed class PsrConsultationTests_StacInputAndClosing
{
    private static readonly Actor Officer = new("po-001", "probation", "probation-officer");

    private static RecordStacInput Input(params string[] requirements) =>
        new(Given.ConsultationId, "MG5, previous convictions", "two prior harassment matters", "fixated, escalating", requirements);

    [Fact]
    public void Given_a_requested_consultation_When_STAC_input_is_recorded_Then_it_is_in_progress()
    {
        var consultation = Given.Consultation(Given.Today.AddDays(14));

        var events = RecordStacInputDecision.Decide(consultation, Input("stalking-intervention-programme", "nhs-psychological-intervention"), Officer, Given.Now);

        var after = consultation.With([.. events]);
        Assert.Equal(PsrStatus.InProgress, after.Status);
        Assert.Equal(["stalking-intervention-programme", "nhs-psychological-intervention"], after.Input!.RecommendedRequirements);
    }

    [Fact]
    public void When_STAC_input_is_recorded_Then_the_actor_is_who_recorded_it()
    {
        var events = RecordStacInputDecision.Decide(Given.Consultation(Given.Today.AddDays(14)), Input(), Officer with { Subject = "po-042" }, Given.Now);

        Assert.Equal("po-042", Assert.IsType<StacInputRecorded>(Assert.Single(events)).RecordedBy);
    }

    [Fact]
    public void Given_input_When_the_same_officer_records_it_again_Then_nothing_changes_and_another_officer_records_it_anew()
    {
        var consultation = Given.Consultation(Given.Today.AddDays(14)).With(Given.Input("no-contact"));

        Assert.Empty(RecordStacInputDecision.Decide(consultation, Input("no-contact"), Officer, Given.Now));
        var again = RecordStacInputDecision.Decide(consultation, Input("no-contact"), Officer with { Subject = "po-002" }, Given.Now);
        Assert.Equal("po-002", Assert.IsType<StacInputRecorded>(Assert.Single(again)).RecordedBy);
    }

    [Theory]
    [InlineData("building-better-relationships")]
    [InlineData("domestic-abuse-group-programme")]
    public void When_recommending_a_domestic_abuse_group_programme_Then_it_is_refused(string programme)
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            RecordStacInputDecision.Decide(Given.Consultation(Given.Today.AddDays(14)), Input(programme), Officer, Given.Now));

        Assert.Equal("recommended_requirements", error.Field);
        Assert.Contains("stalking-specific", error.Message);
    }

    [Fact]
    public void When_recommending_something_outside_the_catalogue_Then_it_is_refused()
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            RecordStacInputDecision.Decide(Given.Consultation(Given.Today.AddDays(14)), Input("anger-management"), Officer, Given.Now));

        Assert.Equal("recommended_requirements", error.Field);
    }

    [Fact]
    public void Given_input_recorded_When_submitting_Then_it_is_submitted_and_again_changes_nothing()
    {
        var consultation = Given.Consultation(Given.Today.AddDays(14)).With(Given.Input("stalking-intervention-programme"));

        var submitted = consultation.With([.. SubmitPsrConsultationDecision.Decide(consultation, new(Given.ConsultationId), Given.Now)]);

        Assert.Equal(PsrStatus.Submitted, submitted.Status);
        Assert.Empty(SubmitPsrConsultationDecision.Decide(submitted, new(Given.ConsultationId), Given.Now));
    }

    [Fact]
    public void Given_no_input_When_submitting_Then_it_is_FailedPrecondition()
    {
        var error = Assert.Throws<RuleViolationException>(() =>
            SubmitPsrConsultationDecision.Decide(Given.Consultation(Given.Today.AddDays(14)), new(Given.ConsultationId), Given.Now));

        Assert.Equal("consultation_id", error.Field);
    }

    [Fact]
    public void Given_a_withdrawn_consultation_When_submitting_Then_it_is_FailedPrecondition()
    {
        var withdrawn = Given.Consultation(Given.Today.AddDays(14))
            .With(Given.Input(), new PsrConsultationWithdrawn(Given.ConsultationId, "case discontinued", Given.Now));

        var error = Assert.Throws<RuleViolationException>(() => SubmitPsrConsultationDecision.Decide(withdrawn, new(Given.ConsultationId), Given.Now));

        Assert.Equal("consultation_id", error.Field);
        Assert.Contains("withdrawn", error.Message);
    }

    [Fact]
    public void Given_a_submitted_consultation_When_withdrawing_or_adding_input_Then_it_is_FailedPrecondition()
    {
        var submitted = Given.Consultation(Given.Today.AddDays(14)).With(Given.Input(), new PsrConsultationSubmitted(Given.ConsultationId, Given.Now));

        Assert.Throws<RuleViolationException>(() => WithdrawPsrConsultationDecision.Decide(submitted, new(Given.ConsultationId, "x"), Given.Now));
        Assert.Throws<RuleViolationException>(() => RecordStacInputDecision.Decide(submitted, Input(), Officer, Given.Now));
    }
}
