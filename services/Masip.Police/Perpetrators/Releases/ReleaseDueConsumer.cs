using MassTransit;
using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Perpetrators.Releases;

/// <summary>The newest release news probation shared about a perpetrator, by probation's sequence.</summary>
public sealed record PerpetratorRelease(Guid Id, DateOnly ReleaseDate, long? Sequence, DateTimeOffset ReceivedAt);

/// <summary>
/// Probation says a perpetrator is due for release from custody: risk is dynamic, so every open
/// case of theirs needs a fresh risk assessment (DOMAIN.md; 000 A12: refresh at bail, breach,
/// release). Older release news arriving after newer (a date since changed) changes nothing.
/// </summary>
public sealed class ReleaseDueConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<ReleaseDueConsumer> logger)
    : InboxConsumer<ReleaseDueV1>(pipeline, service, logger)
{
    protected override async Task Handle(ReleaseDueV1 message, CommandScope scope, ConsumeContext<ReleaseDueV1> context)
    {
        if (await scope.Load<Perpetrator>(message.PerpetratorId) is not { } perpetrator)
        {
            logger.LogInformation("Release due for perpetrator {PerpetratorId}, not known to police", message.PerpetratorId);
            return;
        }
        var source = context.Source();
        var held = await scope.Load<PerpetratorRelease>(message.PerpetratorId);
        if (!source.IsNewerThan(held?.Sequence))
        {
            logger.LogInformation("Release news for perpetrator {PerpetratorId} ignored: older than the news held", message.PerpetratorId);
            return;
        }
        NewestNews.Keep(scope.Session, held,
            new PerpetratorRelease(message.PerpetratorId, message.ReleaseDate, NewestNews.Applied(source, held?.Sequence), scope.Now));
        var cases = await scope.Session.LoadManyAsync<StacCase>(scope.Cancellation, perpetrator.LiveLinks.Select(l => l.CaseId).ToArray());
        var reason = $"release from custody due on {message.ReleaseDate:yyyy-MM-dd}";
        foreach (var open in cases.Where(c => c.Status != CaseStatus.Closed && c.ReassessmentReason != reason))
            scope.Session.Events.Append(open.Id, new ReassessmentRequired(open.Id, reason, scope.Now));
        logger.LogInformation("Release due for perpetrator {PerpetratorId}: reassessment required on their open cases", message.PerpetratorId);
    }
}
