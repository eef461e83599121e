using Masip.Advocacy.VictimUpdates;
using Masip.Advocacy.VictimUpdates.OpeningTasks;
using Xunit;

namespace Masip.Advocacy.Tests.VictimUpdates;

public sealed class VictimUpdateTaskTests_OpenTask
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
}
