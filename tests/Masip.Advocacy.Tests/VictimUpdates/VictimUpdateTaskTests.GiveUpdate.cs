using Masip.Advocacy.VictimUpdates;
using Masip.Advocacy.VictimUpdates.GivingUpdates;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Advocacy.Tests.VictimUpdates;

public sealed class VictimUpdateTaskTests_GiveUpdate
{
    private static readonly Guid TaskId = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a03");

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
