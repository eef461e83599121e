using Masip.Probation.Psr;
using Masip.Probation.Psr.Requesting;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Probation.Tests.Psr;

public sealed class PsrConsultationTests_Request
{
    private static RequestPsrConsultation Command(DateOnly? due = null, DateOnly? requestedOn = null) => new(
        Given.ConsultationId, Given.PersonId, "Test Magistrates' Court", Given.Today.AddDays(21), due ?? Given.Today.AddDays(14),
        "s4A", "writer-001", RequesterRole.CourtReportWriter, requestedOn);

    [Fact]
    public void Given_a_known_person_When_requesting_Then_the_consultation_is_requested_today_with_the_perpetrator_id()
    {
        var events = RequestPsrConsultationDecision.Decide(null, Command(), Given.Person(Given.PerpetratorId), Given.Now);

        var requested = Assert.IsType<PsrConsultationRequested>(Assert.Single(events));
        Assert.Equal(Given.Today, requested.RequestedOn);
        Assert.Equal(Given.PerpetratorId, requested.PerpetratorId);
        Assert.Equal(PsrStatus.Requested, PsrConsultation.Create(requested).Status);
    }

    [Fact]
    public void When_the_due_date_is_before_the_request_Then_due_date_is_InvalidArgument()
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            RequestPsrConsultationDecision.Decide(null, Command(due: Given.Today.AddDays(-1)), Given.Person(), Given.Now));

        Assert.Equal("due_date", error.Field);
    }

    [Fact]
    public void When_requested_on_a_later_date_than_due_Then_due_date_is_InvalidArgument()
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            RequestPsrConsultationDecision.Decide(null, Command(due: Given.Today.AddDays(2), requestedOn: Given.Today.AddDays(3)), Given.Person(), Given.Now));

        Assert.Equal("due_date", error.Field);
    }

    [Fact]
    public void When_the_report_would_be_due_after_the_hearing_Then_due_date_is_InvalidArgument()
    {
        var command = Command() with { HearingDate = Given.Today.AddDays(5), DueDate = Given.Today.AddDays(6) };

        var error = Assert.Throws<InvalidFieldException>(() => RequestPsrConsultationDecision.Decide(null, command, Given.Person(), Given.Now));

        Assert.Equal("due_date", error.Field);
        Assert.Contains("hearing", error.Message);
    }

    [Fact]
    public void When_the_person_is_unknown_Then_person_id_is_NotFound()
    {
        var error = Assert.Throws<RecordNotFoundException>(() => RequestPsrConsultationDecision.Decide(null, Command(), null, Given.Now));

        Assert.Equal("person_id", error.Field);
    }

    [Fact]
    public void Given_a_consultation_When_the_same_request_comes_again_Then_nothing_changes_and_a_different_one_is_refused()
    {
        var current = Given.Consultation(Given.Today.AddDays(14));

        Assert.Empty(RequestPsrConsultationDecision.Decide(current, Command(), Given.Person(), Given.Now));
        var error = Assert.Throws<DuplicateRecordException>(() =>
            RequestPsrConsultationDecision.Decide(current, Command(due: Given.Today.AddDays(15)), Given.Person(), Given.Now));
        Assert.Equal("consultation_id", error.Field);
    }
}
