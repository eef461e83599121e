using System.Reflection;
using MassTransit;
using Masip.Advocacy;
using Masip.Contracts.Messages;
using Masip.Meetings;
using Masip.Nhs;
using Masip.Police;
using Masip.Probation;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Declared = consumed (issue 18.1): the services a message's [ReceivedBy] names are exactly the
/// services with a consumer of it. Each service registers every consumer of its assembly
/// (AddMasipMessaging: MassTransit's AddConsumers), so the consumers are its concrete IConsumer
/// types. Because this holds, the disclosure audit of a message (OutboxPublisher, which records
/// the [ReceivedBy] receivers as its recipients) names only services that really consume it, and
/// MessageTopology declares no queue nobody reads.
/// </summary>
public sealed class MessageReceiversTests
{
    private static readonly IReadOnlyDictionary<string, Assembly> Services = new Dictionary<string, Assembly>
    {
        [PoliceHost.Name] = typeof(PoliceHost).Assembly,
        [ProbationHost.Name] = typeof(ProbationHost).Assembly,
        [NhsHost.Name] = typeof(NhsHost).Assembly,
        [AdvocacyHost.Name] = typeof(AdvocacyHost).Assembly,
        [MeetingsHost.Name] = typeof(MeetingsHost).Assembly,
    };

    /// <summary>The message types a service's assembly has a registered (concrete) consumer for.</summary>
    public static IReadOnlySet<Type> ConsumedBy(Assembly service) => service.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false, ContainsGenericParameters: false })
        .SelectMany(t => t.GetInterfaces())
        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IConsumer<>))
        .Select(i => i.GetGenericArguments()[0])
        .Where(m => m.GetCustomAttribute<ReceivedByAttribute>() is not null)
        .ToHashSet();

    /// <summary>Every mismatch between what the contracts declare and what the services consume, in words.</summary>
    public static IReadOnlyList<string> Mismatches(IEnumerable<Type> messages, IReadOnlyDictionary<string, Assembly> services)
    {
        var consumed = services.ToDictionary(s => s.Key, s => ConsumedBy(s.Value));
        var problems = new List<string>();
        foreach (var message in messages.OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            var declared = message.GetCustomAttribute<ReceivedByAttribute>()!.Agencies.ToHashSet();
            foreach (var service in services.Keys.Order(StringComparer.Ordinal))
            {
                var consumes = consumed[service].Contains(message);
                if (declared.Contains(service) && !consumes)
                    problems.Add($"{message.Name}: [ReceivedBy] names {service}, which has no consumer of it");
                if (!declared.Contains(service) && consumes)
                    problems.Add($"{message.Name}: {service} consumes it, but [ReceivedBy] does not name {service}");
            }
            foreach (var unknown in declared.Where(d => !services.ContainsKey(d)))
                problems.Add($"{message.Name}: [ReceivedBy] names {unknown}, which is no service");
        }
        return problems;
    }

    [Fact]
    public void Every_declared_receiver_consumes_the_message_and_every_consumer_is_declared()
    {
        var messages = typeof(ReceivedByAttribute).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<ReceivedByAttribute>() is not null).ToList();

        var problems = Mismatches(messages, Services);

        Assert.NotEmpty(messages);
        if (problems.Count > 0)
            Assert.Fail(string.Join(Environment.NewLine, problems));
    }

    [ReceivedBy("police", "nhs")]
    private sealed record DeclaredForTwoV1([DataClass("record.meta")] Guid Id);

    [Fact]
    public void A_receiver_without_a_consumer_is_named_with_its_message()
    {
        // Police consume nothing of this test message, and neither does the NHS: both are named.
        var problems = Mismatches([typeof(DeclaredForTwoV1)], Services);

        Assert.Equal([
            "DeclaredForTwoV1: [ReceivedBy] names nhs, which has no consumer of it",
            "DeclaredForTwoV1: [ReceivedBy] names police, which has no consumer of it",
        ], problems);
    }

    [Fact]
    public void A_consumer_of_a_message_not_declared_for_its_service_is_named()
    {
        // The meetings assembly consumes ReferralAwaitingDecisionV1; under another service's name
        // it is a consumer the contract does not declare.
        var problems = Mismatches([typeof(ReferralAwaitingDecisionV1)],
            new Dictionary<string, Assembly> { ["police"] = typeof(MeetingsHost).Assembly });

        Assert.Contains("ReferralAwaitingDecisionV1: police consumes it, but [ReceivedBy] does not name police", problems);
    }
}
