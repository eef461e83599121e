using System.Net;
using System.Text.Json;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Masip.Advocacy;
using Masip.Contracts.Audit;
using Masip.Contracts.Meetings;
using Masip.Contracts.Police;
using Masip.Contracts.Probation;
using Masip.Meetings;
using Masip.Nhs;
using Masip.Police;
using Masip.Probation;
using Masip.ServiceDefaults.HttpJson;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;
using Masip.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using AdvocacyApi = Masip.Contracts.Advocacy;
using NhsApi = Masip.Contracts.Nhs;

namespace Masip.Platform.Tests;

/// <summary>The five services, started once for the HTTP/JSON tests.</summary>
public sealed class HttpJsonWorld : IAsyncLifetime
{
    private readonly TestBed _bed = new();

    public ServiceUnderTest<PoliceHost> Police { get; private set; } = null!;
    public ServiceUnderTest<ProbationHost> Probation { get; private set; } = null!;
    public ServiceUnderTest<NhsHost> Nhs { get; private set; } = null!;
    public ServiceUnderTest<AdvocacyHost> Advocacy { get; private set; } = null!;
    public ServiceUnderTest<MeetingsHost> Meetings { get; private set; } = null!;

    public TestBed Bed => _bed;

    public async Task InitializeAsync()
    {
        await _bed.InitializeAsync();
        Police = await _bed.StartAsync<PoliceHost>(PoliceHost.Name);
        Probation = await _bed.StartAsync<ProbationHost>(ProbationHost.Name);
        Nhs = await _bed.StartAsync<NhsHost>(NhsHost.Name);
        Advocacy = await _bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        Meetings = await _bed.StartAsync<MeetingsHost>(MeetingsHost.Name);
    }

    public Task DisposeAsync() => _bed.DisposeAsync();

    /// <summary>A service's HTTP client with this token (null: none).</summary>
    public HttpClient HttpWith(string service, string? token, string? purpose = null) => service switch
    {
        "police" => Police.HttpWith(token, purpose),
        "probation" => Probation.HttpWith(token, purpose),
        "nhs" => Nhs.HttpWith(token, purpose),
        "advocacy" => Advocacy.HttpWith(token, purpose),
        "meetings" => Meetings.HttpWith(token, purpose),
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };

    public IServiceProvider Services(string service) => service switch
    {
        "police" => Police.Services,
        "probation" => Probation.Services,
        "nhs" => Nhs.Services,
        "advocacy" => Advocacy.Services,
        "meetings" => Meetings.Services,
        _ => throw new ArgumentOutOfRangeException(nameof(service), service, null),
    };
}

/// <summary>
/// HTTP/JSON from the same contracts: each service answers its rpcs over POST
/// /v1/{package}/{Service}/{Method} with the same data as over gRPC, through the same door
/// (token, roles, purposes), the same bounds, the same reply filter and the same audit; the
/// HTTP status is the gRPC status's.
/// </summary>
public sealed class HttpJsonTests(HttpJsonWorld world) : IClassFixture<HttpJsonWorld>
{
    [Fact]
    public async Task Police_a_case_imported_and_a_victim_referred_over_HTTP_read_the_same_over_HTTP_and_gRPC()
    {
        var http = world.Police.HttpAs("police", "stac-officer");
        var crimeReference = "CRIS-HTTP-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var imported = await HttpJson.CallAsync<CaseReply>(http, PoliceIntake.Descriptor, "ImportCrimeReport", new ImportCrimeReportRequest { Record = Report(crimeReference) });
        var request = Referrals.NewRequest(crimeReference);
        var referred = await HttpJson.CallAsync<VictimReferralReply>(http, PoliceReferrals.Descriptor, "ReferVictimToAdvocacy", request);

        var lookup = new GetVictimReferralRequest { ReferralId = request.ReferralId };
        var overHttp = await HttpJson.CallAsync<VictimReferralReply>(http, PoliceReferrals.Descriptor, "GetVictimReferral", lookup);
        var overGrpc = await new PoliceReferrals.PoliceReferralsClient(world.Police.Channel).GetVictimReferralAsync(lookup);

        Assert.Equal(crimeReference, imported.CrimeReference);
        Assert.Equal(request.VictimPhone, referred.VictimPhone);
        Assert.Equal(overGrpc, overHttp);
        Assert.Equal(request.VictimName, overHttp.VictimName);
    }

    [Fact]
    public async Task Probation_a_person_registered_over_HTTP_reads_the_same_over_HTTP_and_gRPC()
    {
        var http = world.Probation.HttpAs("probation", "probation-officer");
        var person = new RegisterPersonRequest
        {
            PersonId = Guid.NewGuid().ToString(), Name = "Test Person " + Random.Shared.Next(100, 999), DateOfBirth = "1990-01-02",
            PncId = $"99/{Random.Shared.Next(100000, 999999)}H",
        };

        var registered = await HttpJson.CallAsync<PersonReply>(http, ProbationPeople.Descriptor, "RegisterPerson", person);
        var lookup = new GetPersonRequest { PersonId = person.PersonId };
        var overHttp = await HttpJson.CallAsync<PersonReply>(http, ProbationPeople.Descriptor, "GetPerson", lookup);
        var overGrpc = await new ProbationPeople.ProbationPeopleClient(world.Probation.Channel).GetPersonAsync(lookup);

        Assert.Equal(person.Name, registered.Name);
        Assert.Equal(overGrpc, overHttp);
    }

    [Fact]
    public async Task Nhs_a_referral_recorded_over_HTTP_reads_the_same_over_HTTP_and_gRPC()
    {
        var http = world.Nhs.HttpAs("nhs", "clinician");
        var referral = new NhsApi.RecordReferralRequest
        {
            ReferralId = Guid.NewGuid().ToString(), Route = "probation", PerpetratorId = Guid.NewGuid().ToString(),
            PerpetratorName = "Test Person " + Random.Shared.Next(100, 999), DateOfBirth = "1985-04-12", PncId = "99/123456X",
            Service = "assessment", RiskLevel = "medium", Reason = "subject of a s4A investigation", Referrer = "probation-officer-07",
        };

        var recorded = await HttpJson.CallAsync<NhsApi.NhsReferralReply>(http, NhsApi.NhsReferrals.Descriptor, "RecordReferral", referral);
        var lookup = new NhsApi.GetNhsReferralRequest { ReferralId = referral.ReferralId };
        var overHttp = await HttpJson.CallAsync<NhsApi.NhsReferralReply>(http, NhsApi.NhsReferrals.Descriptor, "GetReferral", lookup);
        var overGrpc = await new NhsApi.NhsReferrals.NhsReferralsClient(world.Nhs.Channel).GetReferralAsync(lookup);

        Assert.Equal(referral.ReferralId, recorded.ReferralId);
        Assert.Equal(overGrpc, overHttp);
    }

    [Fact]
    public async Task Advocacy_a_helpline_referral_recorded_over_HTTP_reads_the_same_over_HTTP_and_gRPC()
    {
        var http = world.Advocacy.HttpAs("advocacy", "advocate");
        var referral = new AdvocacyApi.RecordReferralRequest
        {
            ReferralId = Guid.NewGuid().ToString(), Source = "helpline", CrimeReference = "CRIS-HTTP-" + Random.Shared.Next(100000, 999999),
            VictimName = "Test Person " + Random.Shared.Next(1, 9999), VictimPhone = "07700 900" + Random.Shared.Next(100, 999),
            Reason = "victim rang the helpline",
        };

        var recorded = await HttpJson.CallAsync<AdvocacyApi.ReferralReply>(http, AdvocacyApi.AdvocacyReferrals.Descriptor, "RecordReferral", referral);
        var lookup = new AdvocacyApi.GetReferralRequest { ReferralId = referral.ReferralId };
        var overHttp = await HttpJson.CallAsync<AdvocacyApi.ReferralReply>(http, AdvocacyApi.AdvocacyReferrals.Descriptor, "GetReferral", lookup);
        var overGrpc = await new AdvocacyApi.AdvocacyReferrals.AdvocacyReferralsClient(world.Advocacy.Channel).GetReferralAsync(lookup);

        Assert.Equal(referral.VictimPhone, recorded.VictimPhone);
        Assert.Equal(overGrpc, overHttp);
    }

    [Fact]
    public async Task Meetings_a_DMM_scheduled_over_HTTP_reads_the_same_over_HTTP_and_gRPC()
    {
        var http = world.Meetings.HttpAs("police", "meeting-chair");
        var day = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(1);
        var meeting = new ScheduleMeetingRequest { MeetingId = Guid.NewGuid().ToString(), Type = "dmm", Date = day.ToString("yyyy-MM-dd") };

        var scheduled = await HttpJson.CallAsync<MeetingReply>(http, Masip.Contracts.Meetings.Meetings.Descriptor, "ScheduleMeeting", meeting);
        var lookup = new GetMeetingRequest { MeetingId = meeting.MeetingId };
        var overHttp = await HttpJson.CallAsync<MeetingReply>(http, Masip.Contracts.Meetings.Meetings.Descriptor, "GetMeeting", lookup);
        var overGrpc = await new Masip.Contracts.Meetings.Meetings.MeetingsClient(world.Meetings.Channel).GetMeetingAsync(lookup);

        Assert.Equal(meeting.Date, scheduled.Date);
        Assert.Equal("test-police-meeting-chair", scheduled.ScheduledBy);
        Assert.Equal(overGrpc, overHttp);
    }

    // Each service: a method, and a role of a party that the method does not allow.
    public static TheoryData<string, string, string, string> Refusals => new()
    {
        { "police", "masip.police.PoliceReferrals.GetVictimReferral", "advocacy", "advocate" },
        { "probation", "masip.probation.ProbationPeople.GetPerson", "advocacy", "advocate" },
        { "nhs", "masip.nhs.NhsReferrals.GetReferral", "police", "stac-officer" },
        { "advocacy", "masip.advocacy.AdvocacyReferrals.GetReferral", "nhs", "clinician" },
        { "meetings", "masip.meetings.Meetings.ScheduleMeeting", "advocacy", "advocate" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Without_a_token_401_with_a_stranger_agency_401_and_with_a_role_not_allowed_403(
        string service, string method, string agency, string role)
    {
        var descriptor = Method(method);

        using var none = await Post(world.HttpWith(service, null), descriptor, "{}");
        using var forged = await Post(world.HttpWith(service,
            DevelopmentTokens.Mint("intruder", "police", "stac-officer", signingKey: "some-other-key-that-is-long-enough-0001")), descriptor, "{}");
        using var stranger = await Post(world.HttpWith(service, DevelopmentTokens.Mint("spy", "mi5", "auditor")), descriptor, "{}");
        using var refused = await Post(world.HttpWith(service, DevelopmentTokens.Mint($"test-{agency}-{role}", agency, role)), descriptor, "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stranger.StatusCode);
        Assert.Contains("'mi5' is not a party to the sharing agreement", (await HttpJson.ErrorAsync(stranger)).Message);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (code, message) = await HttpJson.ErrorAsync(refused);
        Assert.Equal((int)Grpc.Core.StatusCode.PermissionDenied, code);
        Assert.Equal($"role {agency}/{role} may not call {descriptor.Service.Name}/{descriptor.Name}", message);
    }

    [Fact]
    public async Task A_bad_field_is_400_naming_it_and_nothing_is_stored()
    {
        var http = world.Probation.HttpAs("probation", "probation-officer");
        var person = new RegisterPersonRequest { PersonId = Guid.NewGuid().ToString(), Name = "Test Person 7", DateOfBirth = "02/01/1990" };

        using var response = await HttpJson.PostAsync(http, ProbationPeople.Descriptor, "RegisterPerson", person);
        using var lookup = await HttpJson.PostAsync(http, ProbationPeople.Descriptor, "GetPerson", new GetPersonRequest { PersonId = person.PersonId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var (code, message) = await HttpJson.ErrorAsync(response);
        Assert.Equal((int)Grpc.Core.StatusCode.InvalidArgument, code);
        Assert.StartsWith("date_of_birth:", message);
        Assert.Equal(HttpStatusCode.NotFound, lookup.StatusCode);
        Assert.Contains("person_id", (await HttpJson.ErrorAsync(lookup)).Message);
    }

    [Fact]
    public async Task A_body_that_is_not_the_request_message_is_400()
    {
        var http = world.Advocacy.HttpAs("advocacy", "advocate");

        using var wrongType = await HttpJson.PostJsonAsync(http, AdvocacyApi.AdvocacyReferrals.Descriptor, "GetReferral", """{"referralId": {"nested": 1}}""");
        using var notJson = await HttpJson.PostJsonAsync(http, AdvocacyApi.AdvocacyReferrals.Descriptor, "GetReferral", "referral please");
        using var tooLong = await HttpJson.PostJsonAsync(http, AdvocacyApi.AdvocacyReferrals.Descriptor, "GetReferral",
            JsonSerializer.Serialize(new { referralId = new string('a', 5000) }));

        Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.StartsWith("referral_id: must be at most 36 characters", (await HttpJson.ErrorAsync(tooLong)).Message);
    }

    [Fact]
    public async Task A_probation_officer_reading_a_victim_referral_over_HTTP_gets_it_without_contact_details_marked_withheld_and_audited()
    {
        var request = await Referrals.NewRequestAsync(world.Police);
        await new PoliceReferrals.PoliceReferralsClient(world.Police.Channel).ReferVictimToAdvocacyAsync(request);
        var viewer = "probation-http-" + Guid.NewGuid().ToString("N")[..6];
        var probation = world.Police.HttpAs("probation", "probation-officer", "dmm", viewer);

        using var response = await HttpJson.PostAsync(probation, PoliceReferrals.Descriptor, "GetVictimReferral",
            new GetVictimReferralRequest { ReferralId = request.ReferralId });
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(request.VictimName, json.GetProperty("victimName").GetString());
        Assert.Equal("", json.GetProperty("victimPhone").GetString());
        Assert.Equal("", json.GetProperty("victimEmail").GetString());
        Assert.Equal(["victim_phone", "victim_email"], json.GetProperty("withheldFields").EnumerateArray().Select(e => e.GetString()));

        // The disclosure is in the audit, and the auditor reads it over HTTP too.
        var auditor = world.Police.HttpAs("police", "auditor", "audit");
        var seen = await Eventually.ValueAsync(async () =>
        {
            var reply = await HttpJson.CallAsync<DisclosuresReply>(auditor, DisclosureAudit.Descriptor, "WhatUserSaw", new WhatUserSawRequest { ViewerSub = viewer });
            return reply.Entries.SingleOrDefault(e => e.SubjectId == request.ReferralId);
        }, TimeSpan.FromSeconds(30), "the HTTP read in the audit");
        Assert.Equal("dmm", seen.Purpose);
        Assert.DoesNotContain("victim.contact", seen.Classes);
    }

    [Theory]
    [InlineData("police")]
    [InlineData("probation")]
    [InlineData("nhs")]
    [InlineData("advocacy")]
    [InlineData("meetings")]
    public async Task The_OpenAPI_document_is_open_and_lists_every_rpc_the_service_maps_with_its_bearer_scheme(string service)
    {
        var mapped = world.Services(service).GetServices<EndpointDataSource>().SelectMany(s => s.Endpoints)
            .Select(e => e.Metadata.GetMetadata<GrpcMethodMetadata>()).OfType<GrpcMethodMetadata>()
            .Select(m => ContractCatalog.Default.Method($"/{m.Method.ServiceName}/{m.Method.Name}")).OfType<MethodDescriptor>()
            .Where(m => !m.IsClientStreaming).Distinct().ToList();

        using var response = await world.HttpWith(service, null).GetAsync("/openapi/v1.json");
        var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"MASIP {service}", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.True(mapped.Count >= 4, $"{service} maps {mapped.Count} of our methods");
        var missing = mapped.Select(HttpJsonExtensions.RoutePath).Where(p => !paths.Contains(p)).ToList();
        Assert.Empty(missing);
        Assert.Contains("/v1/masip.audit/DisclosureAudit/WhoSawSubject", paths);
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task A_service_process_serves_HTTP_JSON_OpenAPI_and_health_on_its_HTTP_1_1_port_and_gRPC_on_its_HTTP_2_port()
    {
        var process = await world.Bed.StartProcessAsync(ProbationHost.Name);
        using var http = process.HttpAs("probation", "probation-officer");
        var person = new RegisterPersonRequest
        {
            PersonId = Guid.NewGuid().ToString(), Name = "Test Person " + Random.Shared.Next(100, 999), DateOfBirth = "1991-03-04",
        };

        using var registered = await HttpJson.PostAsync(http, ProbationPeople.Descriptor, "RegisterPerson", person);
        using var document = await http.GetAsync("/openapi/v1.json");
        using var live = await http.GetAsync("/health/live");
        var overGrpc = await new ProbationPeople.ProbationPeopleClient(process.ChannelAs("probation", "probation-officer"))
            .GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId });

        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Equal(HttpVersion.Version11, registered.Version);
        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(overGrpc, Google.Protobuf.JsonParser.Default.Parse<PersonReply>(await registered.Content.ReadAsStringAsync()));
    }

    private static MethodDescriptor Method(string fullName) =>
        ContractCatalog.Default.Services.SelectMany(s => s.Methods).Single(m => m.FullName == fullName);

    private static Task<HttpResponseMessage> Post(HttpClient client, MethodDescriptor method, string json) =>
        client.PostAsync(HttpJsonExtensions.RoutePath(method), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    private static CrimeReportRecord Report(string crimeReference)
    {
        var day = DateTime.UtcNow.Date;
        return new CrimeReportRecord
        {
            CrimeReference = crimeReference, ReportedOn = day.AddDays(-1).ToString("yyyy-MM-dd"), OffenceDate = day.AddDays(-10).ToString("yyyy-MM-dd"),
            PrincipalClassification = "s4A", VictimName = "Test Victim", Relationship = "ex-partner", Summary = "Synthetic.",
            OfficerInCase = "officer-12", Borough = "Borough P",
        };
    }
}
