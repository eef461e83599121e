using Masip.Advocacy.VictimUpdates;
using Masip.Advocacy.VictimUpdates.GivingUpdates;
using Masip.Advocacy.VictimUpdates.OpeningTasks;
using Masip.Advocacy.VictimUpdates.Overdue;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.VictimUpdates;

public sealed class VictimUpdateTaskTests
{
    private static readonly Guid TaskId = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a03");
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    private static OpenVictimUpdateTask Open(string kind, DateTimeOffset occurredAt) =>
        new(TaskId, Guid.NewGuid(), "CRIS-0001", Given.ReferralId, kind, "charged with s4A", occurredAt);

    [Fact]
    public void Given_a_charge_on_a_Friday_When_opening_the_task_Then_it_is_due_one_working_day_later_on_Monday()
    {
        var opened = Assert.IsType<VictimUpdateTaskOpened>(Assert.Single(OpenVictimUpdateTaskDecision.Decide(Open("charge", Friday), new VictimUpdateOptions(), Given.Now)));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), opened.DueAt);
        Assert.Equal("charge", opened.Kind);
    }

    [Fact]
    public void The_due_time_per_kind_and_a_fixed_delay_are_configurable()
    {
        var courtDate = OpenVictimUpdateTaskDecision.DueAt("court-date", Given.Now, new VictimUpdateOptions());
        var drill = OpenVictimUpdateTaskDecision.DueAt("charge", Given.Now, new VictimUpdateOptions { DueAfter = TimeSpan.FromSeconds(2) });
        var unknown = OpenVictimUpdateTaskDecision.DueAt("something-new", Given.Now, new VictimUpdateOptions { DefaultWorkingDays = 2 });

        Assert.Equal(Given.Now.AddDays(7), courtDate); // Wednesday + 5 working days = next Wednesday
        Assert.Equal(Given.Now.AddSeconds(2), drill);
        Assert.Equal(Given.Now.AddDays(2), unknown);
    }

    [Fact]
    public void Given_an_open_task_past_due_When_scanning_Then_it_becomes_overdue_once()
    {
        var task = Given.Task(Given.Now.AddMinutes(-1));

        var overdue = Assert.IsType<VictimUpdateBecameOverdue>(Assert.Single(RaiseOverdueDecision.Decide(task, Given.Now)));

        Assert.Equal(Given.Now, overdue.RaisedAt);
        Assert.Empty(RaiseOverdueDecision.Decide(task.Apply(overdue), Given.Now.AddMinutes(5)));
    }

    [Fact]
    public void Given_a_task_not_yet_due_or_done_When_scanning_Then_nothing_is_raised()
    {
        Assert.Empty(RaiseOverdueDecision.Decide(Given.Task(Given.Now.AddMinutes(1)), Given.Now));
        var done = Given.Task(Given.Now.AddMinutes(-10), new VictimUpdateGiven(TaskId, Given.ReferralId, Guid.NewGuid(), Given.Now.AddMinutes(-20)));
        Assert.Empty(RaiseOverdueDecision.Decide(done, Given.Now));
    }

    [Fact]
    public void Given_an_open_task_When_the_update_is_logged_Then_it_is_done_and_a_second_update_is_refused()
    {
        var contactId = Guid.NewGuid();
        var task = Given.Task(Given.Now.AddHours(1));

        var given = Assert.Single(GiveVictimUpdateDecision.Decide(task, Given.ReferralId, contactId, Given.Now));
        var done = task.Apply((VictimUpdateGiven)given);

        Assert.Equal(UpdateTaskStatus.Done, done.Status);
        Assert.Equal("task_id", Assert.Throws<RuleViolationException>(() => GiveVictimUpdateDecision.Decide(done, Given.ReferralId, contactId, Given.Now)).Field);
    }

    [Fact]
    public void A_task_of_another_victim_is_not_completed_by_this_victims_contact() =>
        Assert.Equal("task_id", Assert.Throws<RuleViolationException>(() =>
            GiveVictimUpdateDecision.Decide(Given.Task(Given.Now), Guid.NewGuid(), Guid.NewGuid(), Given.Now)).Field);
}
