using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Police.Perpetrators.Releases;
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

    private Task<CaseReply> CaseWhen(string caseId, Func<CaseReply, bool> shows, string what) =>
        Eventually.ValueAsync(async () =>
        {
            var c = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
            return shows(c) ? c : null;
        }, TimeSpan.FromSeconds(30), what);

    [Fact]
    public async Task A_release_from_custody_shared_by_probation_makes_the_perpetrators_open_cases_due_for_reassessment()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        var release = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14));

        await _host.Services.GetRequiredService<IBus>().Publish(
            new ReleaseDueV1(Guid.Parse(view.PerpetratorId), release, null, DateTimeOffset.UtcNow), c => c.MessageId = NewId.NextGuid());

        var reassess = await CaseWhen(view.CaseId, c => c.ReassessmentDue, "reassessment after a release");
        Assert.Equal($"release from custody due on {release:yyyy-MM-dd}", reassess.ReassessmentReason);
        Assert.False(view.ReassessmentDue);
    }

    [Fact]
    public async Task Older_release_news_arriving_after_newer_does_not_bring_back_the_old_release_date()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        var perpetratorId = Guid.Parse(view.PerpetratorId);
        var probation = Guid.NewGuid();
        var moved = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(21));
        var first = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(7));

        await PartnerNews.PublishAsync(_host, new ReleaseDueV1(perpetratorId, moved, null, DateTimeOffset.UtcNow), 41, probation);
        await CaseWhen(view.CaseId, c => c.ReassessmentReason == $"release from custody due on {moved:yyyy-MM-dd}", "the newer release date");
        var older = await PartnerNews.PublishAsync(_host, new ReleaseDueV1(perpetratorId, first, null, DateTimeOffset.UtcNow), 40, probation);
        await PartnerNews.ConsumedAsync<ReleaseDueConsumer>(_host, older);

        var after = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = view.CaseId });
        Assert.Equal($"release from custody due on {moved:yyyy-MM-dd}", after.ReassessmentReason);
    }
}
