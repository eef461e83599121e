using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

public sealed class PerpetratorTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;
    private PolicePerpetrators.PolicePerpetratorsClient _perpetrators = null!;

    public async Task InitializeAsync()
    {
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _reviews = new StacReviews.StacReviewsClient(host.Channel);
        _perpetrators = new PolicePerpetrators.PolicePerpetratorsClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> Import(CrimeReportRecord record) =>
        await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record });

    [Fact]
    public async Task Two_reports_naming_the_same_PNC_id_are_linked_and_the_history_shows_both_with_their_tiers()
    {
        var pnc = Synthetic.UniquePnc();
        var first = await Import(Synthetic.Report(pnc: pnc, suspect: "Test Suspect P1"));
        await _reviews.ReviewReportAsync(ReviewTests.Review(first.CaseId, tier: 2));
        var second = await Import(Synthetic.Report(pnc: pnc, suspect: "Test Suspect P1 Alias"));

        var history = await _perpetrators.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = first.PerpetratorId });

        Assert.Equal(first.PerpetratorId, second.PerpetratorId);
        Assert.Equal(["repeat-perpetrator"], second.SuspectKnownReasons);
        Assert.Equal([first.CaseId, second.CaseId], history.Reports.Select(r => r.CaseId));
        Assert.Equal(("origin", "suggested"), (history.Reports[0].LinkStatus, history.Reports[1].LinkStatus));
        Assert.Equal((1.0, "same PNC id"), (history.Reports[1].Score, history.Reports[1].Reason));
        Assert.Equal((2, 2, pnc), (history.VictimsCount, history.HighestTier, history.PncId));
        Assert.Equal("none", history.GriffinStatus);
    }

    [Fact]
    public async Task A_suspect_spelt_with_other_case_spacing_and_accents_is_suggested_as_the_same_perpetrator()
    {
        var dateOfBirth = new DateOnly(1950, 1, 1).AddDays(Random.Shared.Next(18_000)).ToString("yyyy-MM-dd");
        var known = Synthetic.Report(suspect: "Mary Ann Jones");
        known.SuspectDateOfBirth = dateOfBirth;
        var spelt = Synthetic.Report(suspect: "  MARY  ann   JONÉS ");
        spelt.SuspectDateOfBirth = dateOfBirth;

        var first = await Import(known);
        var second = await Import(spelt);

        Assert.Equal(first.PerpetratorId, second.PerpetratorId);
        Assert.Equal(["repeat-perpetrator"], second.SuspectKnownReasons);
        var history = await _perpetrators.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = first.PerpetratorId });
        Assert.Equal("Mary Ann Jones", history.Name);
        var link = history.Reports.Single(r => r.CaseId == second.CaseId);
        Assert.Equal(("suggested", 0.8, "same normalised name and date of birth"), (link.LinkStatus, link.Score, link.Reason));
    }

    [Fact]
    public async Task A_suspect_without_PNC_id_is_suggested_by_name_and_date_of_birth_and_an_officer_confirms_it()
    {
        var name = "Test Suspect " + Guid.NewGuid().ToString("N")[..6];
        var first = await Import(Synthetic.Report(suspect: name));
        var second = await Import(Synthetic.Report(suspect: name.ToUpperInvariant() + " "));

        var confirmed = await _perpetrators.ConfirmLinkAsync(new LinkDecisionRequest
        {
            PerpetratorId = first.PerpetratorId, CaseId = second.CaseId,
        });

        Assert.Equal(first.PerpetratorId, second.PerpetratorId);
        var link = confirmed.Reports.Single(r => r.CaseId == second.CaseId);
        Assert.Equal(("confirmed", 0.8), (link.LinkStatus, link.Score));
    }

    [Fact]
    public async Task A_rejected_link_unlinks_the_report_and_leaves_the_history()
    {
        var pnc = Synthetic.UniquePnc();
        var first = await Import(Synthetic.Report(pnc: pnc));
        var second = await Import(Synthetic.Report(pnc: pnc));

        var history = await _perpetrators.RejectLinkAsync(new LinkDecisionRequest
        {
            PerpetratorId = first.PerpetratorId, CaseId = second.CaseId, Reason = "a different person",
        });

        Assert.Equal("rejected", history.Reports.Single(r => r.CaseId == second.CaseId).LinkStatus);
        Assert.Equal(1, history.VictimsCount);
        var unlinked = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = second.CaseId });
        Assert.Equal("", unlinked.PerpetratorId);
        var missingReason = await Assert.ThrowsAsync<RpcException>(() => _perpetrators.RejectLinkAsync(new LinkDecisionRequest
        {
            PerpetratorId = first.PerpetratorId, CaseId = first.CaseId,
        }).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, missingReason.StatusCode);
        Assert.StartsWith("reason:", missingReason.Status.Detail);
    }

    [Fact]
    public async Task A_report_amended_to_name_a_known_suspect_is_linked_to_them()
    {
        var pnc = Synthetic.UniquePnc();
        var first = await Import(Synthetic.Report(pnc: pnc, suspect: "Test Suspect A1"));
        var unknownSuspect = Synthetic.Report();
        unknownSuspect.SuspectName = "";
        unknownSuspect.SuspectDateOfBirth = "";
        var before = await Import(unknownSuspect);
        var amended = unknownSuspect.Clone();
        amended.SuspectName = "Test Suspect A1";
        amended.SuspectPncId = pnc;

        var reply = await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { amended } });

        var after = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = before.CaseId });
        Assert.Equal(("", 1), (before.PerpetratorId, reply.Amended));
        Assert.Equal(first.PerpetratorId, after.PerpetratorId);
        Assert.Contains("repeat-perpetrator", after.SuspectKnownReasons);
        var history = await _perpetrators.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = first.PerpetratorId });
        Assert.Contains(history.Reports, r => r.CaseId == before.CaseId && r.LinkStatus == "suggested");
    }

    [Fact]
    public async Task An_unknown_perpetrator_is_NotFound()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() =>
            _perpetrators.GetSuspectHistoryAsync(new GetSuspectHistoryRequest { PerpetratorId = Guid.NewGuid().ToString() }).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("perpetrator_id:", error.Status.Detail);
    }
}
