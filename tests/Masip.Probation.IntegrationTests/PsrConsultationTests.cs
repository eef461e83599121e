using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>PSR consultations: request, STAC input, submit, withdraw, list, export, and the due alert.</summary>
public sealed class PsrConsultationTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;
    private RegisterPersonRequest _person = null!;
    private readonly Guid _perpetratorId = Guid.NewGuid();

    public async Task InitializeAsync()
    {
        _probation = await StartAsync(bed);
        _person = NewPerson(_perpetratorId);
        await _probation.People.RegisterPersonAsync(_person);
    }

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private RequestPsrConsultationRequest NewRequest(int dueInDays = 30) => new()
    {
        ConsultationId = Guid.NewGuid().ToString(),
        PersonId = _person.PersonId,
        Court = "Test Magistrates' Court",
        HearingDate = Date(dueInDays + 7),
        DueDate = Date(dueInDays),
        Offence = "s4A",
        Requester = "writer-001",
        RequesterRole = "court-report-writer",
    };

    private static RecordStacInputRequest Input(string consultationId, params string[] requirements)
    {
        var input = new RecordStacInputRequest
        {
            ConsultationId = consultationId, ReviewedPapers = "MG5 & MG11 <statement>", History = "two prior harassment matters",
            StalkingConsiderations = "fixated; escalating contact",
        };
        input.RecommendedRequirements.AddRange(requirements);
        return input;
    }

    [Fact]
    public async Task A_consultation_goes_from_requested_through_input_to_submitted()
    {
        var request = NewRequest();

        var requested = await _probation.Psr.RequestPsrConsultationAsync(request);
        var again = await _probation.Psr.RequestPsrConsultationAsync(request);
        var inProgress = await _probation.Psr.RecordStacInputAsync(Input(request.ConsultationId, "stalking-intervention-programme", "nhs-psychological-intervention"));
        var submitted = await _probation.Psr.SubmitPsrConsultationAsync(new SubmitPsrConsultationRequest { ConsultationId = request.ConsultationId });
        var got = await _probation.Psr.GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = request.ConsultationId });

        Assert.Equal("requested", requested.Status);
        Assert.Equal(Date(0), requested.RequestedOn);
        Assert.Equal("writer-001", requested.Requester);
        // The caller is the actor: the STAC input is recorded as given by the token's subject.
        Assert.Equal(OfficerSubject, inProgress.InputRecordedBy);
        Assert.Equal(OfficerSubject, await _probation.Scalar<string>(
            "select user_name from masip.mt_events where stream_id = @p0 and type = 'stac_input_recorded'", Guid.Parse(request.ConsultationId)));
        Assert.Equal(requested, again);
        Assert.Equal("in-progress", inProgress.Status);
        Assert.Equal("submitted", submitted.Status);
        Assert.Equal(submitted, got);
        Assert.Equal(["stalking-intervention-programme", "nhs-psychological-intervention"], got.RecommendedRequirements);
        var list = await _probation.Psr.ListPsrConsultationsAsync(new ListPsrConsultationsRequest { Status = "submitted" });
        Assert.Contains(list.Consultations, c => c.ConsultationId == request.ConsultationId);
        var open = await _probation.Psr.ListPsrConsultationsAsync(new ListPsrConsultationsRequest { Status = "requested" });
        Assert.DoesNotContain(open.Consultations, c => c.ConsultationId == request.ConsultationId);
    }

    [Fact]
    public async Task A_due_date_before_the_request_is_InvalidArgument_and_nothing_is_stored()
    {
        var request = NewRequest();
        request.DueDate = Date(-1);

        await Refused(_probation.Psr.RequestPsrConsultationAsync(request), StatusCode.InvalidArgument, "due_date");

        await Refused(_probation.Psr.GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = request.ConsultationId }), StatusCode.NotFound, "consultation_id");
    }

    [Fact]
    public async Task An_unknown_person_is_NotFound_and_nothing_is_stored()
    {
        var request = NewRequest();
        request.PersonId = Guid.NewGuid().ToString();

        await Refused(_probation.Psr.RequestPsrConsultationAsync(request), StatusCode.NotFound, "person_id");

        Assert.Equal(0, await _probation.EventsIn(Guid.Parse(request.ConsultationId)));
    }

    [Fact]
    public async Task Submitting_a_withdrawn_consultation_is_FailedPrecondition_and_it_stays_withdrawn()
    {
        var request = NewRequest();
        await _probation.Psr.RequestPsrConsultationAsync(request);
        await _probation.Psr.RecordStacInputAsync(Input(request.ConsultationId));
        var withdrawn = await _probation.Psr.WithdrawPsrConsultationAsync(new WithdrawPsrConsultationRequest { ConsultationId = request.ConsultationId, Reason = "case discontinued" });

        await Refused(_probation.Psr.SubmitPsrConsultationAsync(new SubmitPsrConsultationRequest { ConsultationId = request.ConsultationId }),
            StatusCode.FailedPrecondition, "consultation_id");

        Assert.Equal("withdrawn", withdrawn.Status);
        var got = await _probation.Psr.GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = request.ConsultationId });
        Assert.Equal("withdrawn", got.Status);
        Assert.Equal("case discontinued", got.WithdrawalReason);
        Assert.Equal(3, await _probation.EventsIn(Guid.Parse(request.ConsultationId)));
    }

    [Fact]
    public async Task A_domestic_abuse_group_programme_is_refused_and_the_input_is_not_recorded()
    {
        var request = NewRequest();
        await _probation.Psr.RequestPsrConsultationAsync(request);

        await Refused(_probation.Psr.RecordStacInputAsync(Input(request.ConsultationId, "building-better-relationships")),
            StatusCode.InvalidArgument, "recommended_requirements");

        var got = await _probation.Psr.GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = request.ConsultationId });
        Assert.Equal("requested", got.Status);
        Assert.Empty(got.RecommendedRequirements);
    }

    [Fact]
    public async Task An_unknown_status_filter_is_InvalidArgument()
    {
        await Refused(_probation.Psr.ListPsrConsultationsAsync(new ListPsrConsultationsRequest { Status = "lost" }), StatusCode.InvalidArgument, "status");
    }

    [Fact]
    public async Task The_summary_exports_as_Markdown_and_as_escaped_HTML()
    {
        var request = NewRequest();
        await _probation.Psr.RequestPsrConsultationAsync(request);
        await _probation.Psr.RecordStacInputAsync(Input(request.ConsultationId, "stalking-intervention-programme"));

        var markdown = await _probation.Psr.ExportPsrSummaryAsync(new ExportPsrSummaryRequest { ConsultationId = request.ConsultationId, Format = "markdown" });
        var html = await _probation.Psr.ExportPsrSummaryAsync(new ExportPsrSummaryRequest { ConsultationId = request.ConsultationId, Format = "html" });

        Assert.Equal("text/markdown", markdown.ContentType);
        Assert.StartsWith("# PSR consultation summary", markdown.Document);
        Assert.Contains("- **Court:** Test Magistrates' Court", markdown.Document);
        Assert.Contains("## Stalking-specific considerations", markdown.Document);
        Assert.Contains("stalking-intervention-programme", markdown.Document);
        Assert.Contains(_person.Name, markdown.Document);
        Assert.Equal("text/html", html.ContentType);
        Assert.Contains("<h2>Papers reviewed</h2>", html.Document);
        Assert.Contains("MG5 &amp; MG11 &lt;statement&gt;", html.Document);
        Assert.DoesNotContain("<statement>", html.Document);
        await Refused(_probation.Psr.ExportPsrSummaryAsync(new ExportPsrSummaryRequest { ConsultationId = request.ConsultationId, Format = "pdf" }),
            StatusCode.InvalidArgument, "format");
        await Refused(_probation.Psr.ExportPsrSummaryAsync(new ExportPsrSummaryRequest { ConsultationId = Guid.NewGuid().ToString(), Format = "html" }),
            StatusCode.NotFound, "consultation_id");
    }

    [Fact]
    public async Task A_consultation_due_tomorrow_raises_one_PsrDue_alert_and_one_due_in_a_month_none()
    {
        var near = NewRequest(dueInDays: 1);
        var far = NewRequest(dueInDays: 30);
        await _probation.Psr.RequestPsrConsultationAsync(far);
        await _probation.Psr.RequestPsrConsultationAsync(near);

        var alert = await _probation.Receives<PsrDueV1>(m => m.ConsultationId == Guid.Parse(near.ConsultationId), "the PSR due alert");
        // More scans, finished when awaited (the timer's run alongside them), then a sentinel: its
        // alert is published after anything the earlier scans could have raised.
        await Task.WhenAll(_probation.ScanNow(), _probation.ScanNow());
        var sentinel = NewRequest(dueInDays: 0);
        await _probation.Psr.RequestPsrConsultationAsync(sentinel);
        await _probation.ScanNow();
        await _probation.Receives<PsrDueV1>(m => m.ConsultationId == Guid.Parse(sentinel.ConsultationId), "the sentinel's alert");

        Assert.Equal(_perpetratorId, alert.PerpetratorId);
        Assert.Equal(DateOnly.Parse(Date(1)), alert.DueDate);
        Assert.Equal("Test Magistrates' Court", alert.Court);
        Assert.Equal(1, await _probation.EventsOf(Guid.Parse(near.ConsultationId), "psr_due_alert_raised"));
        Assert.Equal(0, await _probation.EventsOf(Guid.Parse(far.ConsultationId), "psr_due_alert_raised"));
        Assert.Single(_probation.ReceivedSoFar<PsrDueV1>(m => m.ConsultationId == Guid.Parse(near.ConsultationId)));
        Assert.Empty(_probation.ReceivedSoFar<PsrDueV1>(m => m.ConsultationId == Guid.Parse(far.ConsultationId)));
        var got = await _probation.Psr.GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = near.ConsultationId });
        Assert.NotEqual("", got.DueAlertRaisedAt);
        // The scan acts as the service, not as a user.
        Assert.Equal("probation:due-scan", await _probation.Scalar<string>(
            "select user_name from masip.mt_events where stream_id = @p0 and type = 'psr_due_alert_raised'", Guid.Parse(near.ConsultationId)));
    }

    [Fact]
    public async Task STAC_input_for_an_unknown_consultation_is_NotFound_and_nothing_is_stored()
    {
        var unknown = Guid.NewGuid().ToString();

        await Refused(_probation.Psr.RecordStacInputAsync(Input(unknown)), StatusCode.NotFound, "consultation_id");
        await Refused(_probation.Psr.SubmitPsrConsultationAsync(new SubmitPsrConsultationRequest { ConsultationId = unknown }), StatusCode.NotFound, "consultation_id");
        await Refused(_probation.Psr.WithdrawPsrConsultationAsync(new WithdrawPsrConsultationRequest { ConsultationId = unknown, Reason = "x" }),
            StatusCode.NotFound, "consultation_id");

        Assert.Equal(0, await _probation.EventsIn(Guid.Parse(unknown)));
    }

    [Fact]
    public async Task Ten_thousand_recommended_requirements_an_absurd_date_and_a_NUL_are_each_InvalidArgument_naming_the_field()
    {
        var request = NewRequest();
        await _probation.Psr.RequestPsrConsultationAsync(request);
        var flood = Input(request.ConsultationId);
        flood.RecommendedRequirements.AddRange(Enumerable.Repeat("no-contact", 10_000));
        var ancient = NewRequest();
        ancient.HearingDate = "0001-01-01";
        var nul = NewRequest();
        nul.Court = "Test\0Court";

        var tooMany = await Refused(_probation.Psr.RecordStacInputAsync(flood), StatusCode.InvalidArgument, "recommended_requirements");
        var absurd = await Refused(_probation.Psr.RequestPsrConsultationAsync(ancient), StatusCode.InvalidArgument, "hearing_date");
        var control = await Refused(_probation.Psr.RequestPsrConsultationAsync(nul), StatusCode.InvalidArgument, "court");

        Assert.Equal("recommended_requirements: at most 10 items; got 10000", tooMany.Status.Detail);
        Assert.StartsWith("hearing_date: must not be before ", absurd.Status.Detail);
        Assert.Equal("court: must not contain a NUL character", control.Status.Detail);
        Assert.Equal("requested", (await _probation.Psr.GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = request.ConsultationId })).Status);
        Assert.Equal(0, await _probation.EventsIn(Guid.Parse(ancient.ConsultationId)));
        Assert.Equal(0, await _probation.EventsIn(Guid.Parse(nul.ConsultationId)));
    }

    [Fact]
    public async Task The_list_pages_through_every_consultation_the_soonest_due_first()
    {
        var mine = new List<RequestPsrConsultationRequest>();
        foreach (var days in new[] { 40, 12, 25, 12, 60, 3, 33 })
        {
            var request = NewRequest(dueInDays: days);
            request.Court = "Paging Test Court";
            await _probation.Psr.RequestPsrConsultationAsync(request);
            mine.Add(request);
        }

        var seen = new List<PsrConsultationReply>();
        var page = new Masip.Contracts.Common.PageRequest { PageSize = 2 };
        long total = 0;
        for (var pages = 0; ; pages++)
        {
            Assert.True(pages < 100, "the pages never end");
            var reply = await _probation.Psr.ListPsrConsultationsAsync(new ListPsrConsultationsRequest { Page = page });
            Assert.InRange(reply.Consultations.Count, 0, 2);
            seen.AddRange(reply.Consultations);
            total = reply.Page.Total;
            if (reply.Page.NextPageToken == "")
                break;
            page = new Masip.Contracts.Common.PageRequest { PageSize = 2, PageToken = reply.Page.NextPageToken };
        }

        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Select(c => c.ConsultationId).Distinct().Count());
        Assert.Equal(seen.Select(c => c.DueDate).Order(StringComparer.Ordinal), seen.Select(c => c.DueDate));
        var ours = seen.Where(c => c.Court == "Paging Test Court").ToList();
        Assert.Equal(mine.Select(r => r.ConsultationId).Order(), ours.Select(c => c.ConsultationId).Order());
        Assert.Equal(mine.Select(r => r.DueDate).Order(StringComparer.Ordinal), ours.Select(c => c.DueDate));
        await Refused(_probation.Psr.ListPsrConsultationsAsync(new ListPsrConsultationsRequest
        {
            Page = new Masip.Contracts.Common.PageRequest { PageToken = "not-a-token" },
        }), StatusCode.InvalidArgument, "page.page_token");
    }
}
