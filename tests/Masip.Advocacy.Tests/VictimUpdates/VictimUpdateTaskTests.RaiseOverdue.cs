using Masip.Advocacy.VictimUpdates;
using Masip.Advocacy.VictimUpdates.Overdue;
using Xunit;

namespace Masip.Advocacy.Tests.VictimUpdates;

public sealed class VictimUpdateTaskTests_RaiseOverdue
{
    private static readonly Guid TaskId = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a03");

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
}
