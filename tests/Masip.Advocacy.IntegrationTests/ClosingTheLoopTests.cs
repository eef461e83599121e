using MassTransit;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Messages;
using Masip.Contracts.Work;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>
/// Issue 18 at advocacy: a DMM decision advocacy owns (a safety-plan review) and an action for an
/// advocate are its tasks, once however often delivered and in whichever order; others' are not;
/// completing an action's task sends the completion back to the meetings service.
/// </summary>
public sealed class ClosingTheLoopTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<AdvocacyHost> _host = null!;
    private Advocacy _advocacy = null!;
    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        _advocacy = new Advocacy(_host, bed);
        _broker = await Broker.StartAsync(bed);
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_safety_plan_review_and_an_action_are_the_advocates_tasks_once_and_completing_the_action_goes_back()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var meeting = Guid.NewGuid();
        var review = new MeetingDecisionRecordedV1(Guid.NewGuid(), meeting, today, "item-1", "safety-plan-review", "advocacy", Guid.NewGuid(), null,
            "CRIS-A-18", null, "review the safety plan before the hearing", "chair-1", DateTimeOffset.UtcNow);
        var forPolice = review with { DecisionId = Guid.NewGuid(), OwnerAgency = "police", Kind = "victim-update" };
        var action = new MeetingActionAssignedV1(Guid.NewGuid(), meeting, today, "item-1", "advocacy", review.CaseId, null, "CRIS-A-18",
            "call the victim about the bail date", "advocate-18", today.AddDays(2), DateTimeOffset.UtcNow);
        var ids = Enumerable.Range(0, 5).Select(_ => NewId.NextGuid()).ToArray();
        // The action first, the decision after it, each twice (a republished page), and another agency's decision.
        await _broker.Publish(action, ids[0]);
        await _broker.Publish(review, ids[1]);
        await _broker.Publish(forPolice, ids[2]);
        await _broker.Publish(review, ids[3]);
        await _broker.Publish(action, ids[4]);
        foreach (var id in ids)
            await _advocacy.Consumed.Await(id);

        var work = new AdvocacyWork.AdvocacyWorkClient(_host.ChannelAs("advocacy", "advocate", "case-management", "advocate-18"));
        var tasks = (await work.ListTasksAsync(new ListTasksRequest())).Tasks;
        Assert.Equal([("decision", review.DecisionId.ToString(), "safety-plan-review"), ("action", action.ActionId.ToString(), "action")],
            tasks.Select(t => (t.Origin, t.OriginId, t.Kind)));
        Assert.Equal(("call the victim about the bail date", "advocate-18", today.AddDays(2).ToString("yyyy-MM-dd")),
            (tasks[1].Detail, tasks[1].Assignee, tasks[1].DueDate));

        var received = new TaskCompletionSource<MeetingActionCompletedV1>(TaskCreationOptions.RunContinuationsAsynchronously);
        var listener = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(bed.Broker, h =>
            {
                var user = Uri.UnescapeDataString(bed.Broker.UserInfo).Split(':');
                h.Username(user[0]);
                h.Password(user[1]);
            });
            rabbit.ReceiveEndpoint("test-meetings-completions", e => e.Handler<MeetingActionCompletedV1>(c =>
            {
                if (c.Message.ActionId == action.ActionId)
                    received.TrySetResult(c.Message);
                return Task.CompletedTask;
            }));
        });
        await listener.StartAsync();
        try
        {
            await work.CompleteTaskAsync(new CompleteTaskRequest { TaskId = tasks[1].TaskId });
            var completion = await received.Task.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(("advocacy", "advocate-18"), (completion.Agency, completion.CompletedBy));
        }
        finally
        {
            await listener.StopAsync();
        }
        Assert.Equal(["decision"], (await work.ListTasksAsync(new ListTasksRequest())).Tasks.Select(t => t.Origin));
    }
}
