using System.Diagnostics;
using System.Text.Json;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>
/// `masip topology` as the Kubernetes topology Job runs it: no flags, the quorum settings taken from
/// the services' own environment variables (the ConfigMap masip-config), the broker from
/// ConnectionStrings__rabbitmq (the Secret masip-rabbitmq).
/// </summary>
public sealed class TopologyCommandTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task The_topology_job_declares_quorum_queues_with_the_delivery_limit_and_dead_letter_queue_of_the_services_settings()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "masip.dll"));
        info.ArgumentList.Add("topology");
        info.Environment["ConnectionStrings__rabbitmq"] = bed.Broker.ToString();
        info.Environment["Masip__Messaging__QuorumQueues"] = "true";
        info.Environment["Masip__Messaging__DeliveryLimit"] = "7";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"masip topology exited {process.ExitCode}: {await error}");
        Assert.Contains("receiver queues declared (quorum)", await output);

        var queue = MessageTopology.QueueFor("advocacy", typeof(VictimReferredToAdvocacyV1));
        var declared = await Queue(queue);
        Assert.Equal("quorum", declared.GetProperty("type").GetString());
        Assert.Equal(7, declared.GetProperty("arguments").GetProperty("x-delivery-limit").GetInt32());
        Assert.Equal(MessageTopology.DeadLetterFor(queue), declared.GetProperty("arguments").GetProperty("x-dead-letter-exchange").GetString());
        Assert.Equal("quorum", (await Queue(MessageTopology.DeadLetterFor(queue))).GetProperty("type").GetString());
    }

    private async Task<JsonElement> Queue(string name)
    {
        var response = await bed.Infrastructure.ManagementClient.GetAsync(
            $"api/queues/{Uri.EscapeDataString(bed.VirtualHost)}/{Uri.EscapeDataString(name)}");
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }
}
