using Masip.Police.Clocks;
using Xunit;

namespace Masip.Police.Tests.Clocks;

/// <summary>Each clock at its boundary (issue 16 "Done when").</summary>
public sealed class ClockRulesTests
{
    private static readonly DateTimeOffset Reported = new(2026, 11, 2, 22, 15, 0, TimeSpan.Zero);

    [Fact]
    public void Interim_SPO_at_47h59m_is_near_and_at_48h01m_is_past()
    {
        Assert.Equal(ClockStatus.Running, ClockRules.InterimSpoClock(Reported, Reported.AddHours(35)).Status);
        Assert.Equal(ClockStatus.Near, ClockRules.InterimSpoClock(Reported, Reported.AddHours(47).AddMinutes(59)).Status);
        Assert.Equal(ClockStatus.Past, ClockRules.InterimSpoClock(Reported, Reported.AddHours(48).AddMinutes(1)).Status);
        Assert.Equal(Reported.AddHours(48), ClockRules.InterimSpoClock(Reported, Reported).DueAt);
    }

    [Fact]
    public void Full_SPO_on_day_27_and_28_is_near_and_on_day_29_is_past()
    {
        Assert.Equal(ClockStatus.Running, ClockRules.FullSpoClock(Reported, Reported.AddDays(20)).Status);
        Assert.Equal(ClockStatus.Near, ClockRules.FullSpoClock(Reported, Reported.AddDays(27)).Status);
        // Day 28 is the last day to apply: late only once it has ended.
        var day28 = ClockRules.StartOf(DateOnly.FromDateTime(Reported.UtcDateTime).AddDays(28));
        Assert.Equal(ClockStatus.Near, ClockRules.FullSpoClock(Reported, day28.AddHours(23).AddMinutes(59)).Status);
        Assert.Equal(ClockStatus.Past, ClockRules.FullSpoClock(Reported, day28.AddDays(1)).Status);
        Assert.Equal(DateOnly.FromDateTime(Reported.UtcDateTime).AddDays(28), ClockRules.FullSpoDueBy(Reported));
    }

    [Fact]
    public void Breach_response_at_23h59m_is_near_and_at_24h01m_is_past()
    {
        Assert.Equal(ClockStatus.Running, ClockRules.BreachResponseClock(Reported, Reported.AddHours(17)).Status);
        Assert.Equal(ClockStatus.Near, ClockRules.BreachResponseClock(Reported, Reported.AddHours(23).AddMinutes(59)).Status);
        Assert.Equal(ClockStatus.Past, ClockRules.BreachResponseClock(Reported, Reported.AddHours(24).AddMinutes(1)).Status);
    }

    [Fact]
    public void The_s2A_limit_counts_from_the_offence_date_not_from_a_tiering_5_months_later()
    {
        var offence = new DateOnly(2026, 3, 10);
        var tiered = ClockRules.StartOf(offence.AddMonths(5));
        var limit = offence.AddMonths(6);
        var warningDay = ClockRules.StartOf(limit.AddDays(-28)).AddHours(9);

        var reading = ClockRules.S2AClock(offence, warningDay);

        Assert.True(warningDay > tiered);
        Assert.Equal(ClockStatus.Near, reading.Status);
        Assert.Equal(ClockRules.StartOf(limit.AddDays(1)), reading.DueAt);
        Assert.Equal(ClockStatus.Running, ClockRules.S2AClock(offence, ClockRules.StartOf(limit.AddDays(-40))).Status);
        Assert.Equal(ClockStatus.Near, ClockRules.S2AClock(offence, ClockRules.StartOf(limit).AddHours(23)).Status);
        Assert.Equal(ClockStatus.Past, ClockRules.S2AClock(offence, ClockRules.StartOf(limit.AddDays(1))).Status);
    }

    [Fact]
    public void A_victim_update_is_near_the_day_before_the_cadence_runs_out_and_past_after()
    {
        Assert.Equal(ClockStatus.Running, ClockRules.VictimUpdateClock(Reported, 7, Reported.AddDays(5)).Status);
        Assert.Equal(ClockStatus.Near, ClockRules.VictimUpdateClock(Reported, 7, Reported.AddDays(6).AddHours(1)).Status);
        Assert.Equal(ClockStatus.Past, ClockRules.VictimUpdateClock(Reported, 7, Reported.AddDays(7).AddMinutes(1)).Status);
    }
}

public sealed class ClockAlertDecisionTests
{
    private static readonly DateTimeOffset Imported = new(2026, 11, 2, 22, 15, 0, TimeSpan.Zero);

    private static ClockListItem Interim(DateTimeOffset now) =>
        new(ClockRules.InterimSpoClock(Imported, now), Guid.Parse("5d7f0a52-6f3e-4d0a-9a8b-7d9b3c1e2f40"), "CRIS-0001", null, null, null, "officer-101");

    [Fact]
    public void A_clock_raises_near_once_and_past_once_and_nothing_while_running()
    {
        Assert.Empty(Masip.Police.Clocks.Alerting.ClockAlertDecision.Decide(null, Interim(Imported.AddHours(1)), Imported));

        var near = Masip.Police.Clocks.Alerting.ClockAlertDecision.Decide(null, Interim(Imported.AddHours(40)), Imported);
        var alert = Masip.Police.Clocks.Alerting.ClockAlert.Create((Masip.Police.Clocks.Alerting.ClockDueRaised)Assert.Single(near));
        Assert.Empty(Masip.Police.Clocks.Alerting.ClockAlertDecision.Decide(alert, Interim(Imported.AddHours(41)), Imported));
        var past = Masip.Police.Clocks.Alerting.ClockAlertDecision.Decide(alert, Interim(Imported.AddHours(49)), Imported);
        alert = alert.Apply((Masip.Police.Clocks.Alerting.ClockDueRaised)Assert.Single(past));

        Assert.Equal(["near", "past"], alert.Raised);
        Assert.Empty(Masip.Police.Clocks.Alerting.ClockAlertDecision.Decide(alert, Interim(Imported.AddHours(60)), Imported));
        // Same clock instance whatever the instant it is read at.
        Assert.Equal(Interim(Imported).Key, Interim(Imported.AddHours(60)).Key);
    }
}
