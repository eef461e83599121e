using System.Reflection;
using System.Text.Json;
using JasperFx.Events;
using Masip.Contracts.Messages;
using Masip.Nhs.Assessments;
using Masip.Nhs.Interventions;
using Masip.Nhs.Liaison;
using Masip.Nhs.Referrals;
using Masip.ServiceDefaults.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Nhs.Tests.Messages;

/// <summary>Clinical detail never leaves the NHS: not in the contracts, and not in what the service maps into them.</summary>
public sealed class NoClinicalDetailInMessagesTests
{
    private const string Clinical = "clinical.detail";
    private const string Sentinel = "SENTINEL-CLINICAL-TEXT";

    /// <summary>
    /// Every message the NHS service publishes: the records of contracts/Masip.Contracts/Messages/Nhs.cs,
    /// and the "referral awaiting a decision" notice for the DMM (Messages/Referrals.cs).
    /// </summary>
    public static readonly Type[] NhsMessages =
        [typeof(NhsReferralDecidedV1), typeof(RiskSummaryUpdatedV1), typeof(InterventionStartedV1), typeof(InterventionEndedV1),
         typeof(ReferralAwaitingDecisionV1)];

    public static TheoryData<Type> Messages() => new(NhsMessages);

    [Theory]
    [MemberData(nameof(Messages))]
    public void No_parameter_of_an_NHS_message_is_clinical_detail(Type message)
    {
        var parameters = message.GetConstructors().Single().GetParameters();
        var classes = parameters.ToDictionary(p => p.Name!, p => p.GetCustomAttribute<DataClassAttribute>()?.Name);

        // Every parameter is labelled, so "no clinical.detail" is not vacuously true of unlabelled ones.
        Assert.All(classes, c => Assert.False(c.Value is null, $"{message.Name}.{c.Key} has no data class"));
        Assert.DoesNotContain(classes, c => c.Value == Clinical);
        Assert.DoesNotContain(message.GetProperties(), p => p.GetCustomAttribute<DataClassAttribute>()?.Name == Clinical);
    }

    [Fact]
    public void The_check_reads_the_labels_it_claims_to_read()
    {
        var summary = typeof(RiskSummaryUpdatedV1).GetConstructors().Single().GetParameters().Single(p => p.Name == "Summary");

        Assert.Equal("clinical.risk-summary", summary.GetCustomAttribute<DataClassAttribute>()?.Name);
    }

    /// <summary>Events the service publishes, with clinical text in every free-text field.</summary>
    private static readonly object[] Samples =
    [
        new ReferralReceived(Given.ReferralId, "police", Given.PerpetratorId, Guid.NewGuid(), "Test Person", null, null, "assessment", "high",
            Sentinel + " reason", "officer-1", Given.Now),
        new ReferralAccepted(Given.ReferralId, Given.PerpetratorId, "clinician-03", Given.Now),
        new ReferralDeclined(Given.ReferralId, Given.PerpetratorId, "not suitable", "clinician-03", Given.Now),
        new AssessmentCompleted(Guid.NewGuid(), Given.ReferralId, Given.PerpetratorId, "clinician-03",
            Given.Rating("high", Sentinel), Given.Rating("moderate", Sentinel), Given.Rating("high", Sentinel), Given.Rating("low", Sentinel),
            Sentinel + " formulation", ["rejected"], "High risk: supervise contact.", Given.Now),
        new InterventionStarted(Given.EpisodeId, Given.ReferralId, Given.PerpetratorId, "police", "cbt", 12, "clinician-03", Given.Now),
        new InterventionEnded(Given.EpisodeId, Given.PerpetratorId, "completed", Given.Now),
        new SessionLogged(Given.EpisodeId, Guid.NewGuid(), new DateOnly(2026, 11, 1), "attended", Sentinel, Given.Now),
        new RelapsePlanRecorded(Given.EpisodeId, Sentinel, Given.Now),
        new OutcomeMeasured(Given.EpisodeId, Guid.NewGuid(), "start", "mood", "PHQ-9", 0, 27, 14, new DateOnly(2026, 11, 1), Given.Now),
        new CustodyContactRecorded(Guid.NewGuid(), Given.PerpetratorId, null, new DateOnly(2026, 11, 1), "Suite", "diverted", "n", Given.Now),
        new CourtReportRequested(Guid.NewGuid(), Given.PerpetratorId, null, "Court", "solicitor", new DateOnly(2027, 1, 1), Given.Now),
    ];

    [Fact]
    public void What_the_service_publishes_is_only_NHS_messages_and_carries_no_clinical_text()
    {
        var services = new ServiceCollection().AddNhsReferrals().AddNhsAssessments().AddNhsInterventions().AddNhsLiaison();
        var maps = services.BuildServiceProvider().GetServices<IIntegrationEventMap>().ToDictionary(m => m.EventType);
        Assert.Equal(6, maps.Count);

        var published = new List<object>();
        foreach (var sample in Samples)
        {
            if (!maps.TryGetValue(sample.GetType(), out var map))
                continue;
            var @event = (IEvent)Activator.CreateInstance(typeof(Event<>).MakeGenericType(sample.GetType()), sample)!;
            if (map.Map(@event) is { } message)
                published.Add(message);
        }

        Assert.Equal(6, published.Count);
        Assert.All(published, m => Assert.Contains(m.GetType(), NhsMessages));
        Assert.All(published, m => Assert.DoesNotContain(Sentinel, JsonSerializer.Serialize(m, m.GetType())));
        var summary = Assert.Single(published.OfType<RiskSummaryUpdatedV1>());
        Assert.Equal(("high", "moderate", "high", "low"),
            (summary.RiskOfViolence, summary.RiskOfPersistence, summary.RiskOfRecurrence, summary.RiskOfPsychologicalDamage));
    }
}
