using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.Caseload;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>
/// Access reasons (issue 19.5): reading a case on another officer's caseload asks why
/// (x-masip-access-reason); the reason is in the read's disclosure audit entry. A case nobody holds
/// is the team's, one's own needs nothing, and the meeting chair is exempt.
/// </summary>
public sealed class AccessReasonTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    private PoliceIntake.PoliceIntakeClient Officer(string subject) => new(_host.ChannelAs("police", "stac-officer", subject: subject));

    [Fact]
    public async Task A_case_on_another_officers_caseload_is_read_only_with_a_reason_which_the_audit_shows()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (holder, colleague, chair) = ($"officer-a-{tag}", $"officer-b-{tag}", $"chair-{tag}");
        var record = Synthetic.Report();
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        var caseId = Cases.Masip_CaseId(record.CrimeReference);
        var get = new GetCaseRequest { CaseId = caseId };

        // Nobody holds it yet: the team's, read without a reason (the morning queue works as before).
        var teams = await Officer(colleague).GetCaseAsync(get);
        var caseload = new Caseload.CaseloadClient(_host.ChannelAs("police", "meeting-chair", subject: chair));
        var assigned = await caseload.AssignCaseloadAsync(new AssignCaseloadRequest { Kind = "case", RecordId = caseId, Assignee = holder });
        var again = await caseload.AssignCaseloadAsync(new AssignCaseloadRequest { Kind = "case", RecordId = caseId, Assignee = holder });
        var badKind = await Assert.ThrowsAsync<RpcException>(() =>
            caseload.AssignCaseloadAsync(new AssignCaseloadRequest { Kind = "vehicle", RecordId = caseId, Assignee = holder }).ResponseAsync);

        var own = await Officer(holder).GetCaseAsync(get);
        var refused = await Assert.ThrowsAsync<RpcException>(() => Officer(colleague).GetCaseAsync(get).ResponseAsync);
        var badCode = await Assert.ThrowsAsync<RpcException>(() =>
            Officer(colleague).GetCaseAsync(get, new Metadata { { "x-masip-access-reason", "curious: just looking" } }).ResponseAsync);
        var tooLong = await Assert.ThrowsAsync<RpcException>(() =>
            Officer(colleague).GetCaseAsync(get, new Metadata { { "x-masip-access-reason", "covering-colleague: " + new string('x', 400) } }).ResponseAsync);
        var withReason = await Officer(colleague).GetCaseAsync(get, new Metadata { { "x-masip-access-reason", "covering-colleague: holder on leave" } });
        var chaired = await new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "meeting-chair", subject: chair)).GetCaseAsync(get);
        // The queue the role works from is not a single-record read: no reason asked.
        await new StacReviews.StacReviewsClient(_host.ChannelAs("police", "stac-officer", subject: colleague)).GetReviewQueueAsync(new GetReviewQueueRequest());

        Assert.Equal(record.CrimeReference, teams.CrimeReference);
        Assert.Equal((holder, chair, "assignment"), (assigned.Assignee, assigned.AssignedBy, assigned.Source));
        Assert.Equal(assigned.AssignedAt, again.AssignedAt);
        Assert.Equal(StatusCode.InvalidArgument, badKind.StatusCode);
        Assert.StartsWith("kind:", badKind.Status.Detail);
        Assert.Equal(record.CrimeReference, own.CrimeReference);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.StartsWith("x-masip-access-reason:", refused.Status.Detail);
        Assert.DoesNotContain(holder, refused.Status.Detail);
        Assert.Equal((StatusCode.InvalidArgument, StatusCode.InvalidArgument), (badCode.StatusCode, tooLong.StatusCode));
        Assert.StartsWith("x-masip-access-reason:", badCode.Status.Detail);
        Assert.Equal(record.CrimeReference, withReason.CrimeReference);
        Assert.Equal(record.CrimeReference, chaired.CrimeReference);

        var audit = new DisclosureAudit.DisclosureAuditClient(_host.ChannelAs("police", "auditor"));
        var entries = await Eventually.ValueAsync(async () =>
        {
            var seen = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "case", SubjectId = caseId });
            return seen.Entries.Any(e => e.ViewerSub == colleague && e.Reason.Length > 0) ? seen : null;
        }, TimeSpan.FromSeconds(30), "the read with a reason in the disclosure audit");
        Assert.Contains(entries.Entries, e => e.ViewerSub == colleague && e.Reason == "access-reason: covering-colleague: holder on leave");
        Assert.Contains(entries.Entries, e => e.ViewerSub == holder && e.Reason == "");
        Assert.DoesNotContain(entries.Entries, e => e.ViewerSub == colleague && e.Reason.Length > 0 && !e.Reason.StartsWith("access-reason: "));
    }

    [Fact]
    public async Task The_officer_who_reviewed_a_case_holds_it_and_a_colleague_needs_a_reason()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var (reviewer, colleague) = ($"officer-r-{tag}", $"officer-c-{tag}");
        var record = Synthetic.Report();
        await new PoliceIntake.PoliceIntakeClient(_host.Channel).ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        var caseId = Cases.Masip_CaseId(record.CrimeReference);
        var lookup = new Caseload.CaseloadClient(_host.ChannelAs("police", "stac-officer", subject: colleague));
        var before = await lookup.GetCaseloadAssignmentAsync(new GetCaseloadAssignmentRequest { Kind = "case", RecordId = caseId });

        await new StacReviews.StacReviewsClient(_host.ChannelAs("police", "stac-officer", subject: reviewer)).ReviewReportAsync(ReviewTests.Review(caseId));
        var after = await lookup.GetCaseloadAssignmentAsync(new GetCaseloadAssignmentRequest { Kind = "case", RecordId = caseId });
        var own = await Officer(reviewer).GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        var refused = await Assert.ThrowsAsync<RpcException>(() => Officer(colleague).GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync);
        var read = await Officer(colleague).GetCaseAsync(new GetCaseRequest { CaseId = caseId },
            new Metadata { { "x-masip-access-reason", "safeguarding-concern" } });

        Assert.Equal(("", "none"), (before.Assignee, before.Source));
        Assert.Equal((reviewer, "domain"), (after.Assignee, after.Source));
        Assert.Equal(caseId, own.CaseId);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal(caseId, read.CaseId);
    }
}
