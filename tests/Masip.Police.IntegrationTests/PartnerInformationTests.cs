using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Police.Partners;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>What partners share about a perpetrator reaches the STAC officer's suspect history, and only that; the newest news stands.</summary>
public sealed class PartnerInformationTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private PolicePerpetrators.PolicePerpetratorsClient _officer = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _officer = new PolicePerpetrators.PolicePerpetratorsClient(_host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> PerpetratorAsync() =>
        (await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) })).PerpetratorId;

    private Task<SuspectHistoryReply> HistoryWhen(string perpetratorId, Func<SuspectHistoryReply, bool> shows, string what) =>
        Eventually.ValueAsync(async () =>
        {
            var h = await _officer.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = perpetratorId });
            return shows(h) ? h : null;
        }, TimeSpan.FromSeconds(30), what);

    [Fact]
    public async Task The_NHS_risk_summary_and_the_probation_record_are_stored_and_shown_in_the_suspect_history()
    {
        var perpetratorId = await PerpetratorAsync();
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(new RiskSummaryUpdatedV1(Guid.Parse(perpetratorId), Guid.NewGuid(), "high", "moderate", "high", "high",
            "Fixated on the victim; risk rises around court dates.", DateTimeOffset.UtcNow.AddMinutes(-5)), c => c.MessageId = NewId.NextGuid());
        await bus.Publish(new ProbationRecordSharedV1(Guid.NewGuid(), Guid.Parse(perpetratorId), true, "community order",
            new DateOnly(2027, 6, 30), "PO Test Officer", 3, null, DateTimeOffset.UtcNow), c => c.MessageId = NewId.NextGuid());

        var history = await HistoryWhen(perpetratorId, h => h.NhsRiskSummary is not null && h.ProbationRecord is not null,
            "partner information in the suspect history");

        Assert.Equal(("high", "moderate"), (history.NhsRiskSummary.RiskOfViolence, history.NhsRiskSummary.RiskOfPersistence));
        Assert.Equal("Fixated on the victim; risk rises around court dates.", history.NhsRiskSummary.Summary);
        Assert.True(history.ProbationRecord.KnownToProbation);
        Assert.Equal(("community order", 3, "2027-06-30"), (history.ProbationRecord.OrderType, history.ProbationRecord.MappaCategory, history.ProbationRecord.OrderEnds));
        Assert.Empty(history.WithheldFields);
    }

    [Fact]
    public async Task An_older_NHS_risk_summary_arriving_after_a_newer_one_changes_nothing_and_a_newer_one_still_does()
    {
        var perpetratorId = await PerpetratorAsync();
        var id = Guid.Parse(perpetratorId);
        var nhsStream = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await PartnerNews.PublishAsync(_host, new RiskSummaryUpdatedV1(id, Guid.NewGuid(), "high", "high", "high", "high", "newer", now.AddDays(-1)), 200, nhsStream);
        await HistoryWhen(perpetratorId, h => h.NhsRiskSummary?.Summary == "newer", "the newer risk summary");
        // Older by the NHS's sequence, though it claims a later assessment time: the sequence decides.
        var older = await PartnerNews.PublishAsync(_host, new RiskSummaryUpdatedV1(id, Guid.NewGuid(), "low", "low", "low", "low", "older", now), 100, nhsStream);
        await PartnerNews.ConsumedAsync<RiskSummaryUpdatedConsumer>(_host, older);

        var kept = await _officer.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = perpetratorId });
        Assert.Equal(("newer", "high"), (kept.NhsRiskSummary.Summary, kept.NhsRiskSummary.RiskOfViolence));

        await PartnerNews.PublishAsync(_host, new RiskSummaryUpdatedV1(id, Guid.NewGuid(), "moderate", "low", "low", "low", "newest", now), 300, nhsStream);
        var newest = await HistoryWhen(perpetratorId, h => h.NhsRiskSummary?.Summary == "newest", "the newest risk summary");
        Assert.Equal("moderate", newest.NhsRiskSummary.RiskOfViolence);
    }

    [Fact]
    public async Task An_older_probation_record_arriving_after_a_newer_one_changes_nothing()
    {
        var perpetratorId = await PerpetratorAsync();
        var id = Guid.Parse(perpetratorId);
        var probationStream = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;

        await PartnerNews.PublishAsync(_host, new ProbationRecordSharedV1(Guid.NewGuid(), id, true, "licence", new DateOnly(2028, 1, 31),
            "PO Newer", 2, null, now.AddHours(-1)), 70, probationStream);
        await HistoryWhen(perpetratorId, h => h.ProbationRecord?.ResponsibleOfficer == "PO Newer", "the newer probation record");
        var older = await PartnerNews.PublishAsync(_host, new ProbationRecordSharedV1(Guid.NewGuid(), id, false, null, null, null, null, null, now),
            60, probationStream);
        await PartnerNews.ConsumedAsync<ProbationRecordSharedConsumer>(_host, older);

        var kept = await _officer.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = perpetratorId });
        Assert.Equal((true, "licence", "PO Newer"), (kept.ProbationRecord.KnownToProbation, kept.ProbationRecord.OrderType, kept.ProbationRecord.ResponsibleOfficer));
    }
}
