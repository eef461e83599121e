using Masip.Contracts.Common;
using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;
using Xunit;

namespace Masip.Nhs.Tests.Proto;

/// <summary>The bounds nhs.proto declares (issue 14.2), as the interceptor checks them before any handler.</summary>
public sealed class NhsRequestBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static List<string> Problems(Google.Protobuf.IMessage request) =>
        RequestBounds.Problems(request, Now).Select(p => p.ToString()).ToList();

    private static CompleteAssessmentRequest Assessment(int mullenTypes)
    {
        var request = new CompleteAssessmentRequest
        {
            AssessmentId = Guid.NewGuid().ToString(), ReferralId = Guid.NewGuid().ToString(),
            RiskOfViolence = new() { Level = "high", Rationale = "r" }, Persistence = new() { Level = "low", Rationale = "r" },
            Recurrence = new() { Level = "low", Rationale = "r" }, PsychologicalDamage = new() { Level = "low", Rationale = "r" },
            Formulation = "f", RiskSummary = "s",
        };
        request.MullenTypes.AddRange(Enumerable.Repeat("rejected", mullenTypes));
        return request;
    }

    [Fact]
    public void Every_field_of_every_NHS_request_declares_its_bounds()
    {
        var nhs = ContractCatalog.Default.Services.Where(s => s.File.Package == "masip.nhs").ToList();

        Assert.NotEmpty(nhs);
        Assert.Empty(nhs.SelectMany(s => s.Methods).SelectMany(m => RequestBounds.Unbounded(m.InputType)).Distinct());
    }

    [Theory]
    [InlineData(10000, "mullen_types: at most 5 items; got 10000")]
    [InlineData(6, "mullen_types: at most 5 items; got 6")]
    [InlineData(0, "mullen_types: at least one item is required")]
    public void Mullen_types_are_one_to_five(int count, string problem)
    {
        Assert.Equal([problem], Problems(Assessment(count)));
        Assert.Empty(Problems(Assessment(5)));
    }

    [Fact]
    public void A_missing_SRP_domain_and_an_overlong_formulation_are_named()
    {
        var request = Assessment(1);
        request.Recurrence = null;
        request.Formulation = new string('f', 20001);

        Assert.Equal(["recurrence: is required", "formulation: must be at most 20000 characters; got 20001"], Problems(request));
    }

    [Theory]
    [InlineData(0, "planned_sessions: must be between 1 and 100; got 0")]
    [InlineData(101, "planned_sessions: must be between 1 and 100; got 101")]
    public void Planned_sessions_are_one_to_a_hundred(int planned, string problem)
    {
        var request = new StartInterventionRequest
        {
            EpisodeId = Guid.NewGuid().ToString(), ReferralId = Guid.NewGuid().ToString(), Modality = "cbt", PlannedSessions = planned,
        };

        Assert.Equal([problem], Problems(request));
    }

    [Fact]
    public void Dates_are_plausible_for_what_they_date()
    {
        var session = new LogSessionRequest
        {
            EpisodeId = Guid.NewGuid().ToString(), SessionId = Guid.NewGuid().ToString(), Date = "0001-01-01", Attendance = "attended",
        };
        var tomorrow = session.Clone();
        tomorrow.Date = "2026-11-26";
        var report = new RecordCourtReportRequestRequest
        {
            ReportId = Guid.NewGuid().ToString(), PerpetratorId = Guid.NewGuid().ToString(), Court = "c", Requester = "r", DueDate = "2026-12-20",
        };
        var farOff = report.Clone();
        farOff.DueDate = "2028-01-01";
        var born = new RecordReferralRequest
        {
            ReferralId = Guid.NewGuid().ToString(), Route = "gp", PerpetratorId = Guid.NewGuid().ToString(), PerpetratorName = "p",
            DateOfBirth = "1850-01-01", Service = "assessment", RiskLevel = "high", Reason = "r", Referrer = "gp",
        };

        Assert.Equal(["date: must not be before 2021-11-25"], Problems(session));
        Assert.Equal(["date: must not be in the future"], Problems(tomorrow));
        Assert.Empty(Problems(report)); // a court report is due in the future
        Assert.Equal(["due_date: must not be after 2027-11-26"], Problems(farOff));
        Assert.Equal(["date_of_birth: must not be before 1906-11-25"], Problems(born));
    }

    [Fact]
    public void A_NUL_a_line_break_in_a_one_line_field_and_a_bad_page_size_are_named()
    {
        var contact = new RecordCustodyContactRequest
        {
            ContactId = Guid.NewGuid().ToString(), PerpetratorId = Guid.NewGuid().ToString(), Date = "2026-11-24",
            CustodySuite = "Suite\0B", Outcome = "diverted\n",
        };
        var list = new ListCustodyContactsRequest { Page = new PageRequest { PageSize = 501 } };

        Assert.Equal(["custody_suite: must not contain a NUL character", "outcome: must not contain the control character U+000A"], Problems(contact));
        Assert.Equal(["page.page_size: must be between 1 and 500; got 501"], Problems(list));
    }

    [Fact]
    public void No_NHS_request_names_who_acted()
    {
        var requests = ContractCatalog.Default.Services.Where(s => s.File.Package == "masip.nhs")
            .SelectMany(s => s.Methods).Select(m => m.InputType).Distinct();

        Assert.Empty(requests.SelectMany(r => r.Fields.InFieldNumberOrder())
            .Where(f => f.Name.EndsWith("_by", StringComparison.Ordinal) || f.Name == "clinician")
            .Select(f => f.FullName));
    }
}
