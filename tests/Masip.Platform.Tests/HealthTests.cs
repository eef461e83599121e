using System.Text.Json;
using Masip.Advocacy;
using Masip.Meetings;
using Masip.Nhs;
using Masip.Police;
using Masip.Probation;
using Masip.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>Every service is live, and ready only when its PostgreSQL database and RabbitMQ answer.</summary>
public sealed class HealthTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task All_five_services_start_on_their_own_databases_and_report_ready()
    {
        var clients = new List<(string Service, HttpClient Client)>
        {
            (PoliceHost.Name, (await bed.StartAsync<PoliceHost>(PoliceHost.Name)).CreateClient()),
            (ProbationHost.Name, (await bed.StartAsync<ProbationHost>(ProbationHost.Name)).CreateClient()),
            (NhsHost.Name, (await bed.StartAsync<NhsHost>(NhsHost.Name)).CreateClient()),
            (AdvocacyHost.Name, (await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name)).CreateClient()),
            (MeetingsHost.Name, (await bed.StartAsync<MeetingsHost>(MeetingsHost.Name)).CreateClient()),
        };

        foreach (var (service, client) in clients)
        {
            var live = await client.GetAsync("/health/live");
            var ready = await client.GetAsync("/health/ready");
            using var report = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());

            Assert.True(live.IsSuccessStatusCode, $"{service} is not live");
            Assert.True(ready.IsSuccessStatusCode, $"{service} is not ready");
            var checks = report.RootElement.GetProperty("checks");
            Assert.Equal("Healthy", checks.GetProperty("postgres").GetProperty("status").GetString());
            Assert.Contains(checks.EnumerateObject(), c => c.Name.Contains("masstransit", StringComparison.OrdinalIgnoreCase));
        }
    }
}
