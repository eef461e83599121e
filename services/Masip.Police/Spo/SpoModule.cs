using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Police.Spo;

/// <summary>The SPO events other agencies hear about (SpoEventV1). Details carry no personal data or free text.</summary>
public static class SpoModule
{
    public static IServiceCollection AddSpo(this IServiceCollection services)
    {
        services.PublishIntegrationEvent<SpoConsidered>(e => new SpoEventV1(e.CaseId, e.PerpetratorId, "considered",
            e.WillApply ? "SPO considered: application to be made" : "SPO considered: no application", e.RecordedAt));
        services.PublishIntegrationEvent<SpoApplied>(e => new SpoEventV1(e.CaseId, e.PerpetratorId, "applied",
            $"{e.Stage} SPO application made on {e.AppliedOn:yyyy-MM-dd}", e.RecordedAt));
        services.PublishIntegrationEvent<SpoDecided>(e => new SpoEventV1(e.CaseId, e.PerpetratorId,
            $"{e.Stage}-{(e.Granted ? "granted" : "refused")}",
            e.Granted ? Terms(e.Prohibitions, e.Requirements) + (e.ExpiresOn is { } x ? $"; expires {x:yyyy-MM-dd}" : "") : $"{e.Stage} SPO refused",
            e.RecordedAt));
        services.PublishIntegrationEvent<SpoVaried>(e => new SpoEventV1(e.CaseId, e.PerpetratorId, "varied", Terms(e.Prohibitions, e.Requirements), e.RecordedAt));
        services.PublishIntegrationEvent<SpoExpired>(e => new SpoEventV1(e.CaseId, e.PerpetratorId, "expired", $"SPO expired on {e.ExpiredOn:yyyy-MM-dd}", e.RecordedAt));
        services.PublishIntegrationEvent<SpoBreached>(e => new SpoEventV1(e.CaseId, e.PerpetratorId, "breached", $"SPO breach on {e.BreachedOn:yyyy-MM-dd}", e.RecordedAt));
        return services;
    }

    // Positive requirements are catalogue codes; prohibitions are counted, their text stays with the police.
    private static string Terms(IReadOnlyList<string> prohibitions, IReadOnlyList<string> requirements) =>
        $"{prohibitions.Count} prohibition(s); requirements: {(requirements.Count == 0 ? "none" : string.Join(", ", requirements))}";
}
