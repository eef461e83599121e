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
        RequestedBy = "writer-001",
        RequesterRole = "court-report-writer",
    };

    private static RecordStacInputRequest Input(string consultationId, params string[] requirements)
    {
        var input = new RecordStacInputRequest
        {
            ConsultationId = consultationId, ReviewedPapers = "MG5 & MG11 <statement>", History = "two prior harassment matters",
            StalkingConsiderations = "fixated; escalating contact", RecordedBy = "po-001",
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
        await Task.Delay(TimeSpan.FromSeconds(3)); // three more scans

        Assert.Equal(_perpetratorId, alert.PerpetratorId);
        Assert.Equal(DateOnly.Parse(Date(1)), alert.DueDate);
        Assert.Equal("Test Magistrates' Court", alert.Court);
        Assert.Single(_probation.ReceivedSoFar<PsrDueV1>(m => m.ConsultationId == Guid.Parse(near.ConsultationId)));
        Assert.Empty(_probation.ReceivedSoFar<PsrDueV1>(m => m.ConsultationId == Guid.Parse(far.ConsultationId)));
        var got = await _probation.Psr.GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = near.ConsultationId });
        Assert.NotEqual("", got.DueAlertRaisedAt);
    }
}
