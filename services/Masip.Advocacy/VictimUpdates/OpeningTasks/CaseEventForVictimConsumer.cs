using Marten;
using MassTransit;
using Masip.Advocacy.Referrals;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;

namespace Masip.Advocacy.VictimUpdates.OpeningTasks;

/// <summary>
/// A police case event the victim must hear about becomes a "victim to be updated" task with a
/// due time, linked to the victim's referral for that crime reference where there is one. The
/// inbox makes a redelivery a no-op; the case's news stream keeps the newest police position
/// applied, so an older event arriving late (or the same event under another message id) opens
/// nothing.
/// </summary>
public sealed class CaseEventForVictimConsumer(CommandPipeline pipeline, ServiceIdentity service, IOptions<VictimUpdateOptions> options, ILogger<CaseEventForVictimConsumer> logger)
    : InboxConsumer<CaseEventForVictimV1>(pipeline, service, logger)
{
    protected override async Task Handle(CaseEventForVictimV1 message, CommandScope scope, ConsumeContext<CaseEventForVictimV1> context)
    {
        var source = context.Source();
        var news = await scope.Stream<CaseNews>(CaseNews.StreamIdFor(message.CaseId));
        var referral = await scope.Session.Query<Referral>()
            .Where(r => r.CrimeReference == message.CrimeReference && r.Status != ReferralStatus.Declined)
            .OrderBy(r => r.ReceivedAt)
            .FirstOrDefaultAsync(scope.Cancellation);
        var command = new OpenVictimUpdateTask(OpenVictimUpdateTaskDecision.TaskIdFor(source, context.MessageId!.Value), message.CaseId,
            message.CrimeReference, referral?.Id, message.Kind, message.Summary, message.OccurredAt);

        var task = await scope.Stream<VictimUpdateTask>(command.TaskId);

        var opening = OpenVictimUpdateTaskDecision.Decide(news.Aggregate, task.Aggregate, command, source, options.Value, scope.Now);
        if (opening.IsIgnored)
        {
            logger.LogInformation("Case event for case {CaseId} at police position {Sequence} ignored: position {Applied} was applied already",
                message.CaseId, source.Sequence, news.Aggregate?.LastSequence);
            return;
        }
        news.AppendMany(opening.NewsEvents);
        task.AppendMany(opening.TaskEvents);
        logger.LogInformation("Victim update task {TaskId} opened for case {CaseId} ({Kind})", command.TaskId, message.CaseId, message.Kind);
    }
}
