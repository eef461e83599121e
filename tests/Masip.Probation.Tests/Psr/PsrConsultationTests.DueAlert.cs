using Masip.Probation.Psr;
using Masip.Probation.Psr.Alerting;
using Xunit;

namespace Masip.Probation.Tests.Psr;

public sealed class PsrConsultationTests_DueAlert
{
    [Theory]
    [InlineData(2026, 11, 26, 1)]  // Thursday
    [InlineData(2026, 11, 28, 2)]  // Saturday: Thu, Fri
    [InlineData(2026, 11, 30, 3)]  // Monday: Thu, Fri, Mon
    [InlineData(2026, 12, 1, 4)]   // Tuesday
    [InlineData(2026, 11, 25, 0)]  // due today
    public void Working_days_skip_weekends(int y, int m, int d, int expected)
    {
        Assert.Equal(expected, WorkingDays.Between(Given.Today, new DateOnly(y, m, d)));
    }

    [Fact]
    public void Given_an_open_consultation_due_in_3_working_days_When_scanning_Then_the_alert_is_raised_once()
    {
        var consultation = Given.Consultation(new DateOnly(2026, 11, 30), Given.PerpetratorId); // Monday

        var events = PsrDueAlertDecision.Decide(consultation, Given.Now);

        var alert = Assert.IsType<PsrDueAlertRaised>(Assert.Single(events));
        Assert.Equal(3, alert.WorkingDaysLeft);
        Assert.Equal(Given.PerpetratorId, alert.PerpetratorId);
        Assert.Empty(PsrDueAlertDecision.Decide(consultation.With(alert), Given.Now.AddHours(1)));
    }

    [Fact]
    public void Given_a_consultation_due_in_4_working_days_When_scanning_Then_no_alert()
    {
        Assert.Empty(PsrDueAlertDecision.Decide(Given.Consultation(new DateOnly(2026, 12, 1)), Given.Now));
    }

    [Fact]
    public void Given_a_submitted_or_withdrawn_consultation_near_its_due_date_When_scanning_Then_no_alert()
    {
        var due = Given.Today.AddDays(1);
        var submitted = Given.Consultation(due).With(Given.Input(), new PsrConsultationSubmitted(Given.ConsultationId, Given.Now));
        var withdrawn = Given.Consultation(due).With(new PsrConsultationWithdrawn(Given.ConsultationId, "discontinued", Given.Now));

        Assert.Empty(PsrDueAlertDecision.Decide(submitted, Given.Now));
        Assert.Empty(PsrDueAlertDecision.Decide(withdrawn, Given.Now));
    }
}
