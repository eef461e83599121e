using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Masip.Meetings.Actions;
using Masip.Testing;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>
/// Issue 18.3: the owning agency's completion of an action comes back as a message and closes the
/// action; a completion from another agency, or the same completion again, changes nothing.
/// </summary>
public sealed class ActionsAsMessagesTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly DateOnly Day = MeetingsBed.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<bool> Open(string actionId) =>
        (await bed.Chair.ListOpenActionsAsync(new ListOpenActionsRequest { OwnerAgency = "probation", Page = new() { PageSize = 500 } }))
            .Actions.Any(a => a.ActionId == actionId);

    [Fact]
    public async Task The_owners_completion_closes_the_action_once_and_another_agencys_changes_nothing()
    {
        var item = await bed.Publish(new CaseTieredV1(Guid.NewGuid(), "CRIS-ACT-" + Random.Shared.Next(1000, 9999), Guid.NewGuid(), "s4A", 2, "medium",
            "review", DateTimeOffset.UtcNow.AddMinutes(-5)));
        await bed.Arrived("dmm", Day, [item]);
        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(Day), Chair = "Chair Person 1" });
        await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        var actionId = Guid.NewGuid().ToString();
        await bed.Chair.AssignActionAsync(new AssignActionRequest
        {
            ActionId = actionId, MeetingId = meeting, ItemId = item, Description = "share licence conditions", OwnerAgency = "probation",
            Assignee = "Test Officer 2", DueDate = MeetingsBed.Day(Day.AddDays(3)),
        });

        var stranger = await bed.Publish(new MeetingActionCompletedV1(Guid.Parse(actionId), "nhs", "clinician-9", DateTimeOffset.UtcNow));
        await bed.Consumed<MeetingActionCompletedConsumer>(stranger);
        Assert.True(await Open(actionId));

        var done = await bed.Publish(new MeetingActionCompletedV1(Guid.Parse(actionId), "probation", "po-2", DateTimeOffset.UtcNow));
        await bed.Consumed<MeetingActionCompletedConsumer>(done);
        Assert.False(await Open(actionId));
        var again = await bed.Publish(new MeetingActionCompletedV1(Guid.Parse(actionId), "probation", "po-2", DateTimeOffset.UtcNow.AddMinutes(1)));
        await bed.Consumed<MeetingActionCompletedConsumer>(again);

        await using var session = bed.Store.QuerySession();
        var action = await session.LoadAsync<MeetingAction>(Guid.Parse(actionId));
        Assert.Equal((false, "po-2"), (action!.Open, action.CompletedBy));
        Assert.Equal(2, (await session.Events.FetchStreamAsync(Guid.Parse(actionId))).Count);
    }
}
