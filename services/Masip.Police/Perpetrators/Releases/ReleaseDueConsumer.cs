using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Perpetrators.Releases;

/// <summary>
/// Probation says a perpetrator is due for release from custody: risk is dynamic, so every open
/// case of theirs needs a fresh risk assessment (DOMAIN.md; 000 A12: refresh at bail, breach, release).
/// </summary>
public sealed class ReleaseDueConsumer(CommandPipeline pipeline, ServiceIdentity service, TimeProvider clock, ILogger<ReleaseDueConsumer> logger)
    : InboxConsumer<ReleaseDueV1>(pipeline, service, logger)
{
    protected override async Task Handle(ReleaseDueV1 message, CommandScope scope, ConsumeContext<ReleaseDueV1> context)
    {
        var session = scope.Session;
        var ct = context.CancellationToken;
        if (await session.LoadAsync<Perpetrator>(message.PerpetratorId, ct) is not { } perpetrator)
        {
            logger.LogInformation("Release due for perpetrator {PerpetratorId}, not known to police", message.PerpetratorId);
            return;
        }
        var cases = await session.LoadManyAsync<StacCase>(ct, perpetrator.LiveLinks.Select(l => l.CaseId).ToArray());
        var reason = $"release from custody due on {message.ReleaseDate:yyyy-MM-dd}";
        foreach (var open in cases.Where(c => c.Status != CaseStatus.Closed && c.ReassessmentReason != reason))
            session.Events.Append(open.Id, new ReassessmentRequired(open.Id, reason, clock.GetUtcNow()));
        logger.LogInformation("Release due for perpetrator {PerpetratorId}: reassessment required on their open cases", message.PerpetratorId);
    }
}
