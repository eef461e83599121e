using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>What partners share about a perpetrator reaches the STAC officer's suspect history, and only that.</summary>
public sealed class PartnerInformationTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
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
    public async Task The_NHS_risk_summary_and_the_probation_record_are_stored_and_shown_in_the_suspect_history()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        var perpetratorId = Guid.Parse(view.PerpetratorId);
        var bus = _host.Services.GetRequiredService<IBus>();
        var assessed = DateTimeOffset.UtcNow.AddMinutes(-5);

        await bus.Publish(new RiskSummaryUpdatedV1(perpetratorId, Guid.NewGuid(), "high", "moderate", "high", "high",
            "Fixated on the victim; risk rises around court dates.", assessed), c => c.MessageId = NewId.NextGuid());
        // An older assessment arriving late does not replace the newer one.
        await bus.Publish(new RiskSummaryUpdatedV1(perpetratorId, Guid.NewGuid(), "low", "low", "low", "low", "old", assessed.AddDays(-30)),
            c => c.MessageId = NewId.NextGuid());
        await bus.Publish(new ProbationRecordSharedV1(Guid.NewGuid(), perpetratorId, true, "community order",
            new DateOnly(2027, 6, 30), "PO Test Officer", 3, null, DateTimeOffset.UtcNow), c => c.MessageId = NewId.NextGuid());

        var officer = new PolicePerpetrators.PolicePerpetratorsClient(_host.Channel);
        var history = await Eventually.ValueAsync(async () =>
        {
            var h = await officer.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = view.PerpetratorId });
            return h.NhsRiskSummary is not null && h.ProbationRecord is not null ? h : null;
        }, TimeSpan.FromSeconds(30), "partner information in the suspect history");
        await Task.Delay(TimeSpan.FromSeconds(1));
        history = await officer.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = view.PerpetratorId });

        Assert.Equal(("high", "moderate"), (history.NhsRiskSummary.RiskOfViolence, history.NhsRiskSummary.RiskOfPersistence));
        Assert.Equal("Fixated on the victim; risk rises around court dates.", history.NhsRiskSummary.Summary);
        Assert.True(history.ProbationRecord.KnownToProbation);
        Assert.Equal(("community order", 3, "2027-06-30"), (history.ProbationRecord.OrderType, history.ProbationRecord.MappaCategory, history.ProbationRecord.OrderEnds));
        Assert.Empty(history.WithheldFields);
    }
}
