using Xunit;

namespace Masip.Cli.Tests;

/// <summary>`masip tasks` reads the caller's own agency's task list, and completing a task it does not hold is NotFound.</summary>
public sealed class TaskCommandsTests(CliWorld world) : IClassFixture<CliWorld>
{
    [Fact]
    public async Task Each_agency_lists_its_own_tasks_and_an_unknown_task_cannot_be_completed()
    {
        foreach (var role in new[] { "police/stac-officer", "probation/probation-officer", "nhs/clinician", "advocacy/advocate" })
        {
            var listed = (await world.RunAsync("tasks", "--all", "--as", role)).Succeeded();
            Assert.Contains("no tasks", listed.Output);
            var json = (await world.RunAsync("tasks", "--as", role, "--json")).Succeeded();
            Assert.Equal("0", json.Json.GetProperty("page").GetProperty("total").GetString());
            Assert.Equal(0, json.Json.GetProperty("tasks").GetArrayLength());
        }

        (await world.RunAsync("tasks", "complete", Guid.NewGuid().ToString(), "--as", "probation/probation-officer")).FailedWith("NotFound", "task_id");
        (await world.RunAsync("tasks", "--as", "police/auditor")).FailedWith("PermissionDenied", "");
    }
}
