using Xunit;

namespace Masip.Cli.Tests;

/// <summary>`masip police clocks`, `masip police orders`, `masip police griffin list` (issue 16), run in process against the police service.</summary>
public sealed class PoliceOrderCommandsTests(CliWorld world) : IClassFixture<CliWorld>
{
    private static int _night;

    private static string NextNight() => new DateOnly(2026, 3, 1).AddDays(Interlocked.Increment(ref _night)).ToString("yyyy-MM-dd");

    private async Task<string> ImportNightAsync(string night, params string[] extra)
    {
        var file = Path.Combine(Path.GetTempPath(), $"masip-cli-test-{Guid.NewGuid():N}.jsonl");
        (await world.RunAsync(["demo", "night", "--seed", "5", "--date", night, "--out", file, .. extra])).Succeeded();
        (await world.RunAsync("police", "import", file)).Succeeded();
        return file;
    }

    private async Task<string> S4ACaseWithSuspectAsync(string night)
    {
        var queue = (await world.RunAsync("police", "queue", "--offence", "s4A", "--from", night, "--to", night, "--json")).Succeeded();
        return queue.Json.GetProperty("items").EnumerateArray()
            .First(i => i.GetProperty("perpetrator_id").GetString() is { Length: > 0 }).GetProperty("case_id").GetString()!;
    }

    [Fact]
    public async Task Clocks_lists_the_s2A_limits_passed_of_a_night_months_ago_as_a_table_and_as_json()
    {
        var night = NextNight();
        await ImportNightAsync(night, "--s2a", "3");

        var table = (await world.RunAsync("police", "clocks", "--kind", "s2a-limit", "--limit", "10000")).Succeeded();
        var json = (await world.RunAsync("police", "clocks", "--kind", "s2a-limit", "--limit", "10000", "--json")).Succeeded();

        var clocks = json.Json.GetProperty("clocks").EnumerateArray().ToList();
        Assert.NotEmpty(clocks);
        Assert.All(clocks, c => Assert.Equal("s2a-limit", c.GetProperty("kind").GetString()));
        Assert.StartsWith("CLOCK", table.Output);
        Assert.Contains("near or past their limit", table.Output);
        (await world.RunAsync("police", "clocks", "--kind", "sometime")).BadUsage("sometime");
    }

    [Fact]
    public async Task Griffin_list_shows_an_accepted_nominal_with_its_review_date_and_risk()
    {
        var night = NextNight();
        await ImportNightAsync(night);
        var caseId = await S4ACaseWithSuspectAsync(night);
        (await world.RunAsync("police", "review", caseId, "--tier", "3", "--risk", "high", "--rationale", "Synthetic: threats to kill",
            "--four", "fixated,obsessive,unwanted,repeated")).Succeeded();
        var nominated = (await world.RunAsync("police", "nominate", caseId, "--rationale", "Synthetic: serial", "--criteria", "high harm", "--json")).Succeeded();
        var nominalId = nominated.Json.GetProperty("nominal_id").GetString()!;
        var reviewDue = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7).ToString("yyyy-MM-dd");
        (await world.RunAsync("police", "decide", nominalId, "--reason", "Synthetic: meets the criteria", "--review-due", reviewDue)).Succeeded();

        var json = (await world.RunAsync("police", "griffin", "list", "--due-within", "14", "--risk", "high", "--limit", "10000", "--json")).Succeeded();
        var table = (await world.RunAsync("police", "griffin", "list", "--limit", "10000")).Succeeded();

        var nominal = json.Json.GetProperty("nominals").EnumerateArray().Single(n => n.GetProperty("nominal_id").GetString() == nominalId);
        Assert.Equal((reviewDue, "high", "due"), (nominal.GetProperty("review_due").GetString(), nominal.GetProperty("risk_level").GetString(),
            nominal.GetProperty("review_status").GetString()));
        Assert.StartsWith("NOMINAL", table.Output);
        Assert.Contains(nominalId, table.Output);
    }

    [Fact]
    public async Task Orders_lists_the_orders_of_a_case_with_their_breaches()
    {
        var night = NextNight();
        await ImportNightAsync(night);
        var caseId = await S4ACaseWithSuspectAsync(night);
        var client = new Masip.Contracts.Police.PoliceOrders.PoliceOrdersClient(world.Channel("police"));
        var order = await client.RecordOrderAsync(new Masip.Contracts.Police.RecordOrderRequest
        {
            CaseId = caseId, Kind = "non-molestation-order", Prohibitions = { "Synthetic: no contact" },
            MadeOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-3).ToString("yyyy-MM-dd"), Court = "Test Family Court",
        });
        await client.RecordOrderBreachAsync(new Masip.Contracts.Police.RecordOrderBreachRequest
        {
            OrderId = order.OrderId, BreachedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), Details = "Synthetic: texts",
        });

        var json = (await world.RunAsync("police", "orders", "--case", caseId, "--json")).Succeeded();
        var table = (await world.RunAsync("police", "orders", "--case", caseId)).Succeeded();
        var breachClocks = (await world.RunAsync("police", "clocks", "--kind", "breach-response", "--json")).Succeeded();

        var listed = Assert.Single(json.Json.GetProperty("orders").EnumerateArray());
        Assert.Equal((order.OrderId, "non-molestation-order", 1), (listed.GetProperty("order_id").GetString(), listed.GetProperty("kind").GetString(),
            listed.GetProperty("breaches").GetArrayLength()));
        Assert.Contains("1 shown of 1", table.Output);
        // A breach reported just now is 24 hours from its limit: not yet near.
        Assert.DoesNotContain(breachClocks.Json.TryGetProperty("clocks", out var clocks) ? clocks.EnumerateArray() : [],
            c => c.GetProperty("order_id").GetString() == order.OrderId);
    }
}
