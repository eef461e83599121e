using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Tests.Cases;
using Xunit;

namespace Masip.Police.Tests.Clocks;

public sealed class StacCaseTests_Clocks
{
    [Fact]
    public void Given_an_s2A_case_5_months_old_Then_the_limit_is_6_months_from_the_first_incident_and_the_alert_shows()
    {
        var first = Given.Today.AddMonths(-5);
        var current = Given.Case(Given.Report(offence: Offence.S2A, offenceDate: first));

        var clocks = CaseClocks.For(current, Given.Now, 28);

        Assert.Equal(first.AddMonths(6), clocks.ProsecutionLimitDate);
        Assert.True(clocks.ProsecutionAlert);
        Assert.False(clocks.ProsecutionLimitPassed);
    }

    [Fact]
    public void Given_an_s2A_case_4_months_old_Then_no_alert_yet()
    {
        var current = Given.Case(Given.Report(offence: Offence.S2A, offenceDate: Given.Today.AddMonths(-4)));

        Assert.False(CaseClocks.For(current, Given.Now, 28).ProsecutionAlert);
    }

    [Theory]
    [InlineData("2026-11-25")]
    [InlineData("2026-03-31")]
    [InlineData("2026-08-30")]
    [InlineData("2027-02-28")]
    [InlineData("2028-02-29")]
    public void The_alert_list_range_holds_exactly_the_s2A_first_incidents_whose_alert_has_opened(string day)
    {
        var today = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(8, 0)), TimeSpan.Zero);
        var latest = CaseClocks.LatestOffenceDateInAlert(today);

        for (var first = today.AddMonths(-7); first <= today.AddMonths(-4); first = first.AddDays(1))
        {
            var alert = CaseClocks.For(Given.Case(Given.Report(offence: Offence.S2A, offenceDate: first)), now, 28).ProsecutionAlert;
            Assert.True(alert == (first <= latest), $"first incident {first:yyyy-MM-dd}, today {today:yyyy-MM-dd}: alert {alert}, range ends {latest:yyyy-MM-dd}");
        }
    }

    [Fact]
    public void Given_an_s4A_case_Then_there_is_no_prosecution_limit()
    {
        var clocks = CaseClocks.For(Given.Case(Given.Report(offenceDate: Given.Today.AddMonths(-5))), Given.Now, 28);

        Assert.Null(clocks.ProsecutionLimitDate);
        Assert.False(clocks.ProsecutionAlert);
    }

    [Fact]
    public void Given_a_case_imported_yesterday_When_the_agreed_cadence_passes_without_an_update_Then_the_update_is_overdue()
    {
        var current = Given.Case(null, new VictimUpdateCadenceAgreed(Guid.Empty, 7, "victim", "officer-1", Given.Now));

        Assert.False(CaseClocks.For(current, Given.Now.AddDays(5), 28).VictimUpdateOverdue);
        Assert.True(CaseClocks.For(current, Given.Now.AddDays(7), 28).VictimUpdateOverdue);
        var updated = Given.Apply(current, VictimUpdateDecisions.Decide(current, new RecordVictimUpdate(current.Id, "phone"), Given.Officer, Given.Now.AddDays(5)));
        Assert.False(CaseClocks.For(updated, Given.Now.AddDays(7), 28).VictimUpdateOverdue);
    }

    [Fact]
    public void Without_an_agreed_cadence_the_configured_default_applies()
    {
        var clocks = CaseClocks.For(Given.Case(), Given.Now, 14);

        Assert.Equal(14, clocks.VictimUpdateCadenceDays);
        Assert.Equal(Given.Now.AddDays(-1).AddDays(14), clocks.VictimUpdateDueAt);
    }

    [Fact]
    public void Given_an_SPO_need_identified_When_no_full_application_follows_within_4_weeks_Then_it_is_overdue()
    {
        var current = Given.Case(null, new SpoConsidered(Guid.Empty, null, true, "ongoing contact", "pc-1", Given.Now));

        Assert.Equal(Given.Today.AddDays(28), CaseClocks.For(current, Given.Now, 28).SpoFullApplicationDueBy);
        Assert.False(CaseClocks.For(current, Given.Now.AddDays(28), 28).SpoFullApplicationOverdue);
        Assert.True(CaseClocks.For(current, Given.Now.AddDays(29), 28).SpoFullApplicationOverdue);
        var applied = Given.Apply(current, [new SpoApplied(Guid.Empty, null, "full", Given.Today.AddDays(10), "pc-1", Given.Now.AddDays(10))]);
        Assert.Null(CaseClocks.For(applied, Given.Now.AddDays(29), 28).SpoFullApplicationDueBy);
        var notApplying = Given.Case(null, new SpoConsidered(Guid.Empty, null, false, "no contact", "pc-1", Given.Now));
        Assert.Null(CaseClocks.For(notApplying, Given.Now.AddDays(29), 28).SpoFullApplicationDueBy);
    }
}
