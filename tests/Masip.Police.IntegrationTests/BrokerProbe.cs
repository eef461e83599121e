using System.Net.Http.Json;
using System.Text.Json;
using Masip.Testing;

namespace Masip.Police.IntegrationTests;

/// <summary>
/// Listens to one integration message type on the test bed's virtual host (a queue bound to the
/// message's MassTransit exchange), to prove the outbox relay published it.
/// </summary>
internal sealed class BrokerProbe
{
    private readonly TestBed _bed;
    private readonly string _queue;

    private BrokerProbe(TestBed bed, string queue)
    {
        _bed = bed;
        _queue = queue;
    }

    public static async Task<BrokerProbe> ListenAsync<TMessage>(TestBed bed)
    {
        var client = bed.Infrastructure.ManagementClient;
        var vhost = Uri.EscapeDataString(bed.VirtualHost);
        var exchange = Uri.EscapeDataString($"{typeof(TMessage).Namespace}:{typeof(TMessage).Name}");
        var queue = $"probe-{typeof(TMessage).Name}-{Guid.NewGuid():N}";
        (await client.PutAsJsonAsync($"api/exchanges/{vhost}/{exchange}", new { type = "fanout", durable = true })).EnsureSuccessStatusCode();
        (await client.PutAsJsonAsync($"api/queues/{vhost}/{queue}", new { durable = false, auto_delete = false })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync($"api/bindings/{vhost}/e/{exchange}/q/{queue}", new { })).EnsureSuccessStatusCode();
        return new BrokerProbe(bed, queue);
    }

    /// <summary>How many of the messages received so far contain <paramref name="text"/> (they stay queued).</summary>
    public async Task<int> CountAsync(string text)
    {
        var response = await _bed.Infrastructure.ManagementClient.PostAsJsonAsync(
            $"api/queues/{Uri.EscapeDataString(_bed.VirtualHost)}/{_queue}/get",
            new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" });
        response.EnsureSuccessStatusCode();
        var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
        return messages.EnumerateArray().Count(m => (m.GetProperty("payload").GetString() ?? "").Contains(text, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Waits for a message whose JSON contains <paramref name="text"/>; returns the message JSON.</summary>
    public async Task<JsonElement> ReceivedAsync(string text, TimeSpan? timeout = null) =>
        (await Eventually.ValueAsync(async () =>
        {
            var response = await _bed.Infrastructure.ManagementClient.PostAsJsonAsync(
                $"api/queues/{Uri.EscapeDataString(_bed.VirtualHost)}/{_queue}/get",
                new { count = 1000, ackmode = "ack_requeue_true", encoding = "auto" });
            response.EnsureSuccessStatusCode();
            var messages = await response.Content.ReadFromJsonAsync<JsonElement>();
            foreach (var m in messages.EnumerateArray())
            {
                var payload = m.GetProperty("payload").GetString() ?? "";
                if (payload.Contains(text, StringComparison.OrdinalIgnoreCase))
                    return (object?)JsonDocument.Parse(payload).RootElement.GetProperty("message").Clone();
            }
            return null;
        }, timeout ?? TimeSpan.FromSeconds(30), $"a message containing {text}") is JsonElement e ? e : default);
}
