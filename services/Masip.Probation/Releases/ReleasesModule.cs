using Masip.Contracts.Messages;
using Masip.Probation.People;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Releases;

/// <summary>Releases due out as ReleaseDueV1 (for people the police know: the message names the perpetrator).</summary>
public static class ReleasesModule
{
    public static IServiceCollection AddReleases(this IServiceCollection services) =>
        services.PublishIntegrationEvent<ReleaseDueRaised>(e =>
            e.PerpetratorId is { } id ? new ReleaseDueV1(id, e.ReleaseDate, e.LicenceConditions, e.RaisedAt) : null);
}
