using MassTransit;
using Masip.Contracts.Messages;
using Masip.Meetings.Actions.Completing;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Meetings.Actions;

/// <summary>
/// Actions as messages (issue 18.3): an action assigned at a meeting goes to the owning agency,
/// which opens it as a task with its due date (a Griffin action only to police, probation and NHS);
/// the agency's completion comes back (MeetingActionCompletedV1) and closes the action here, so
/// it drops off the next agenda. An open action past its due date is on the next agenda of its
/// meeting's type (AgendaBuilder) and raises an alert in this service's log, by id, when that
/// agenda is generated.
/// </summary>
public static class ActionMessages
{
    public static IServiceCollection AddActionMessages(this IServiceCollection services) =>
        services.PublishIntegrationEvent<ActionAssigned>(e => e.MeetingType == MeetingTypes.Griffin
            ? new GriffinActionAssignedV1(e.ActionId, e.MeetingId, e.MeetingDate, e.ItemId, e.OwnerAgency, e.CaseId, e.PerpetratorId,
                e.CrimeReference, e.Description, e.Assignee, e.DueDate, e.AssignedAt)
            : new MeetingActionAssignedV1(e.ActionId, e.MeetingId, e.MeetingDate, e.ItemId, e.OwnerAgency, e.CaseId, e.PerpetratorId,
                e.CrimeReference, e.Description, e.Assignee, e.DueDate, e.AssignedAt));
}

/// <summary>
/// The owning agency completed the action: it is closed, as done by the officer who completed it
/// there. Completion is final, so the order it arrives in does not matter: completing a closed
/// action (the chair closed it at the meeting, or a redelivery) changes nothing; a completion
/// from an agency that does not own the action is refused by the decider and logged.
/// </summary>
public sealed class MeetingActionCompletedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<MeetingActionCompletedConsumer> logger)
    : InboxConsumer<MeetingActionCompletedV1>(pipeline, service, logger)
{
    protected override async Task Handle(MeetingActionCompletedV1 m, CommandScope scope, ConsumeContext<MeetingActionCompletedV1> context)
    {
        var stream = await scope.Stream<MeetingAction>(m.ActionId);
        if (stream.Aggregate is not { } action)
        {
            Logger.LogWarning("Completion of unknown action {ActionId} from {Agency} ignored", m.ActionId, m.Agency);
            return;
        }
        if (action.OwnerAgency != m.Agency)
        {
            Logger.LogWarning("Completion of action {ActionId} from {Agency} ignored: the action is owned by {Owner}", m.ActionId, m.Agency, action.OwnerAgency);
            return;
        }
        var officer = new Actor(m.CompletedBy, m.Agency, "officer");
        stream.AppendMany(CompleteActionDecision.Decide(action, new CompleteAction(m.ActionId), officer, m.CompletedAt));
        Logger.LogInformation("Action {ActionId} completed at {Agency}", m.ActionId, m.Agency);
    }
}
