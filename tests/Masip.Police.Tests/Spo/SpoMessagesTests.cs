using JasperFx.Events;
using Masip.Contracts.Messages;
using Masip.Police.Cases;
using Masip.Police.Spo;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.Tests.Spo;

/// <summary>What leaves the police in SpoEventV1: kinds and counts, never the officer's free text.</summary>
public sealed class SpoMessagesTests
{
    private static object? Map(object domainEvent)
    {
        var maps = new ServiceCollection().AddSpo().BuildServiceProvider().GetServices<IIntegrationEventMap>();
        var map = maps.Single(m => m.EventType == domainEvent.GetType());
        var wrapped = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(domainEvent.GetType()), domainEvent)!;
        return map.Map(wrapped);
    }

    [Fact]
    public void A_breach_is_published_as_breached_without_its_details()
    {
        var message = Assert.IsType<SpoEventV1>(Map(new SpoBreached(Guid.Empty, null, Given.Today, "Secret detail about the victim", "pc-1", Given.Now)));

        Assert.Equal("breached", message.Kind);
        Assert.DoesNotContain("Secret", message.Detail);
    }

    [Fact]
    public void A_grant_is_published_with_counted_prohibitions_and_catalogue_requirements_only()
    {
        var message = Assert.IsType<SpoEventV1>(Map(new SpoDecided(Guid.Empty, null, "full", true, ["not to enter 12 Test Road"],
            ["intervention-programme"], null, "Secret reason", "pc-1", Given.Now)));

        Assert.Equal("full-granted", message.Kind);
        Assert.Contains("intervention-programme", message.Detail);
        Assert.DoesNotContain("Test Road", message.Detail);
        Assert.DoesNotContain("Secret", message.Detail);
    }
}
