using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class ReleaseDueTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_release_from_custody_shared_by_probation_makes_the_perpetrators_open_cases_due_for_reassessment()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        var release = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));

        await _host.Services.GetRequiredService<IBus>().Publish(
            new ReleaseDueV1(Guid.Parse(view.PerpetratorId), release, null, DateTimeOffset.UtcNow), c => c.MessageId = NewId.NextGuid());

        var reassess = await Eventually.ValueAsync(async () =>
        {
            var c = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });
            return c.ReassessmentDue ? c : null;
        }, TimeSpan.FromSeconds(30), "reassessment after a release");
        Assert.Equal($"release from custody due on {release:yyyy-MM-dd}", reassess.ReassessmentReason);
        Assert.False(view.ReassessmentDue);
    }
}
