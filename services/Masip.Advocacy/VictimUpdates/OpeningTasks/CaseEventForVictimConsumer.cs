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
/// inbox makes a redelivery a no-op.
/// </summary>
public sealed class CaseEventForVictimConsumer(CommandPipeline pipeline, ServiceIdentity service, IOptions<VictimUpdateOptions> options, TimeProvider clock, ILogger<CaseEventForVictimConsumer> logger)
    : InboxConsumer<CaseEventForVictimV1>(pipeline, service, logger)
{
    protected override async Task Handle(CaseEventForVictimV1 message, CommandScope scope, ConsumeContext<CaseEventForVictimV1> context)
    {
        var session = scope.Session;
        var referral = await session.Query<Referral>()
            .Where(r => r.CrimeReference == message.CrimeReference && r.Status != ReferralStatus.Declined)
            .OrderBy(r => r.ReceivedAt)
            .FirstOrDefaultAsync(context.CancellationToken);
        var command = new OpenVictimUpdateTask(Guid.CreateVersion7(), message.CaseId, message.CrimeReference, referral?.Id,
            message.Kind, message.Summary, message.OccurredAt);
        session.Events.StartStream<VictimUpdateTask>(command.TaskId, OpenVictimUpdateTaskDecision.Decide(command, options.Value, clock.GetUtcNow()).ToArray());
        logger.LogInformation("Victim update task {TaskId} opened for case {CaseId} ({Kind})", command.TaskId, message.CaseId, message.Kind);
    }
}
