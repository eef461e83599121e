using System.Text;
using System.Text.Json;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>Every `masip` command, run in process against the police, probation, NHS and advocacy services.</summary>
public sealed class ClientCommandsTests(CliWorld world) : IClassFixture<CliWorld>
{
    private static int _night;

    /// <summary>A distinct past morning per test, so one test's night never shows in another's queue.</summary>
    private static string NextNight() => new DateOnly(2026, 1, 1).AddDays(Interlocked.Increment(ref _night)).ToString("yyyy-MM-dd");

    private async Task<string> WriteNightAsync(string night, params string[] extra)
    {
        var file = Path.Combine(Path.GetTempPath(), $"masip-cli-test-{Guid.NewGuid():N}.jsonl");
        (await world.RunAsync(["demo", "night", "--seed", "3", "--date", night, "--out", file, .. extra])).Succeeded();
        return file;
    }

    private async Task<List<JsonElement>> S4AQueueAsync(string night)
    {
        var queue = (await world.RunAsync("police", "queue", "--offence", "s4A", "--from", night, "--to", night, "--json")).Succeeded();
        return [.. queue.Json.GetProperty("items").EnumerateArray()];
    }

    private async Task<string> ImportedS4ACaseAsync(bool withSuspect = true)
    {
        var night = NextNight();
        (await world.RunAsync("police", "import", await WriteNightAsync(night))).Succeeded();
        return (await S4AQueueAsync(night)).First(i => !withSuspect || i.GetProperty("perpetrator_id").GetString() is { Length: > 0 }).GetProperty("case_id").GetString()!;
    }

    [Fact]
    public async Task Import_counts_new_amended_unchanged_and_rejected_and_names_rejected_lines_by_file_line()
    {
        var night = NextNight();
        var file = await WriteNightAsync(night, "--s2a", "250");
        var lines = (await File.ReadAllLinesAsync(file)).ToList();
        Assert.Equal(12 + 250 + 3 + 5 + 4, lines.Count);
        lines.Insert(249, """{"crime_reference":"DEMO-BAD-1","reported_on":"not-a-date"}""");   // line 250, in the second chunk
        await File.WriteAllLinesAsync(file, lines);

        var first = (await world.RunAsync("police", "import", file)).Succeeded();
        var again = (await world.RunAsync("police", "import", file, "--json")).Succeeded();

        Assert.Contains($"{Path.GetFileName(file)}: 274 new, 0 amended, 0 unchanged, 1 rejected", first.Output);
        Assert.Matches(@"250\s+reported_on\s+DEMO-BAD-1\s+reported_on: must be a date", first.Output);
        Assert.Contains("] 275/275 lines", first.Error);
        Assert.Equal((0, 274, 1), (again.Json.GetProperty("new_reports").GetInt32(), again.Json.GetProperty("unchanged").GetInt32(), again.Json.GetProperty("rejected").GetInt32()));
        Assert.Equal(250, again.Json.GetProperty("rejections")[0].GetProperty("line").GetInt32());
    }

    [Fact]
    public async Task Import_of_a_missing_file_is_a_usage_error()
    {
        (await world.RunAsync("police", "import", "/nonexistent/night.jsonl")).BadUsage("does not exist");
    }

    [Fact]
    public async Task Queue_shows_the_nights_s4A_reports_as_a_table_and_as_json()
    {
        var night = NextNight();
        (await world.RunAsync("police", "import", await WriteNightAsync(night))).Succeeded();

        var table = (await world.RunAsync("police", "queue", "--offence", "s4A", "--from", night, "--to", night)).Succeeded();
        var json = await S4AQueueAsync(night);

        Assert.Equal(12, json.Count);
        Assert.All(json, i => Assert.Equal("s4A", i.GetProperty("offence").GetString()));
        Assert.StartsWith("CASE", table.Output);
        Assert.Contains("12 shown of 12 awaiting review", table.Output);
        Assert.Contains(json[0].GetProperty("crime_reference").GetString()!, table.Output);
    }

    [Fact]
    public async Task Review_records_risk_and_tier_and_the_case_shows_them()
    {
        var caseId = await ImportedS4ACaseAsync();

        var reviewed = (await world.RunAsync("police", "review", caseId, "--tier", "2", "--risk", "medium",
            "--rationale", "Synthetic rationale: escalating contact", "--four", "fixated,unwanted,repeated")).Succeeded();
        var shown = (await world.RunAsync("police", "case", caseId, "--json")).Succeeded();

        Assert.Contains("tier:", reviewed.Output);
        Assert.Equal(("reviewed", 2, "medium"), (shown.Json.GetProperty("status").GetString(), shown.Json.GetProperty("tier").GetInt32(),
            shown.Json.GetProperty("review").GetProperty("risk_level").GetString()));
        var review = shown.Json.GetProperty("review");
        Assert.Equal((true, false, true, true), (review.GetProperty("fixated").GetBoolean(), review.GetProperty("obsessive").GetBoolean(),
            review.GetProperty("unwanted").GetBoolean(), review.GetProperty("repeated_conduct").GetBoolean()));
        Assert.Equal("dev-police-stac-officer", review.GetProperty("reviewed_by").GetString());
    }

    [Fact]
    public async Task A_bad_argument_prints_usage_with_exit_2_and_changes_nothing()
    {
        var caseId = await ImportedS4ACaseAsync();

        (await world.RunAsync("police", "review", caseId, "--tier", "5", "--risk", "high", "--rationale", "x")).BadUsage("'5'");
        (await world.RunAsync("police", "review", caseId, "--tier", "3", "--risk", "extreme", "--rationale", "x")).BadUsage("extreme");
        (await world.RunAsync("police", "review", caseId, "--tier", "3", "--risk", "high", "--rationale", "x", "--four", "fixated,angry")).BadUsage("angry");
        (await world.RunAsync("police", "review", caseId)).BadUsage("--rationale");
        (await world.RunAsync("police", "frobnicate")).BadUsage("frobnicate");
        (await world.RunAsync("police", "queue", "--as", "police")).BadUsage("--as");

        var shown = (await world.RunAsync("police", "case", caseId, "--json")).Succeeded();
        Assert.Equal("awaiting-review", shown.Json.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_refused_call_prints_the_status_and_message_with_exit_1()
    {
        (await world.RunAsync("police", "case", Guid.NewGuid().ToString())).FailedWith("NotFound", "case_id");
        (await world.RunAsync("police", "queue", "--as", "advocacy/advocate")).FailedWith("PermissionDenied", "");
        var caseId = await ImportedS4ACaseAsync();
        (await world.RunAsync("police", "nominate", caseId, "--rationale", "not yet tiered")).FailedWith("FailedPrecondition", "");
    }

    [Fact]
    public async Task Nominate_a_tier_3_suspect_and_the_chair_accepts()
    {
        var caseId = await ImportedS4ACaseAsync();
        (await world.RunAsync("police", "review", caseId, "--tier", "3", "--risk", "high", "--rationale", "Synthetic: threats to kill",
            "--four", "fixated,obsessive,unwanted,repeated")).Succeeded();

        var nominated = (await world.RunAsync("police", "nominate", caseId, "--rationale", "Synthetic: serial, escalating", "--criteria", "high harm,repeat", "--json")).Succeeded();
        var nominalId = nominated.Json.GetProperty("nominal_id").GetString()!;
        var decided = (await world.RunAsync("police", "decide", nominalId, "--reason", "Synthetic: meets the criteria")).Succeeded();
        var byOfficer = await world.RunAsync("police", "decide", nominalId, "--reason", "officers do not decide", "--as", "police/stac-officer");

        Assert.Equal("nominated", nominated.Json.GetProperty("status").GetString());
        Assert.Matches(@"status:\s+accepted", decided.Output);
        byOfficer.FailedWith("PermissionDenied", "");
    }

    [Fact]
    public async Task Refer_victim_reaches_the_advocate_who_accepts_it()
    {
        var caseId = await ImportedS4ACaseAsync(withSuspect: false);
        var referred = (await world.RunAsync("police", "refer-victim", caseId, "--reason", "Synthetic: high risk, wants support", "--json")).Succeeded();
        var referralId = referred.Json.GetProperty("referral_id").GetString()!;

        var pending = await Eventually.ValueAsync(async () =>
        {
            var run = await world.RunAsync("advocacy", "referrals", "--status", "pending");
            return run.Code == 0 && run.Output.Contains(referralId) ? run : null;
        }, TimeSpan.FromSeconds(30), "the referral at advocacy");
        var accepted = (await world.RunAsync("advocacy", "accept", referralId, "--user", "advocate-01")).Succeeded();
        var acceptedList = (await world.RunAsync("advocacy", "referrals", "--status", "accepted", "--json")).Succeeded();

        Assert.StartsWith("REFERRAL", pending.Output);
        Assert.Contains("07700 900", pending.Output);
        Assert.Matches(@"status:\s+accepted", accepted.Output);
        Assert.Contains(acceptedList.Json.GetProperty("referrals").EnumerateArray(),
            r => r.GetProperty("referral_id").GetString() == referralId && r.GetProperty("decided_by").GetString() == "advocate-01");
        (await world.RunAsync("advocacy", "referrals", "--status", "open")).BadUsage("open");
    }

    [Fact]
    public async Task Probation_officer_registers_a_person_requests_a_psr_and_exports_it()
    {
        var registered = (await world.RunAsync("probation", "register", "--name", "Test Person 41", "--dob", "1984-03-02", "--pnc", "99/400041P", "--json")).Succeeded();
        var personId = registered.Json.GetProperty("person_id").GetString()!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var requested = (await world.RunAsync("probation", "psr", "request", "--person", personId, "--court", "Example Magistrates' Court",
            "--hearing", today.AddDays(21).ToString("yyyy-MM-dd"), "--due", today.AddDays(14).ToString("yyyy-MM-dd"), "--requester", "writer-41", "--json")).Succeeded();
        var id = requested.Json.GetProperty("consultation_id").GetString()!;
        var shown = (await world.RunAsync("probation", "psr", "show", id)).Succeeded();
        var listed = (await world.RunAsync("probation", "psr", "list", "--json")).Succeeded();
        var exported = (await world.RunAsync("probation", "psr", "export", id, "--format", "markdown")).Succeeded();

        Assert.Matches(@"court:\s+Example Magistrates' Court", shown.Output);
        Assert.Matches(@"requested by:\s+writer-41", shown.Output);
        Assert.Contains(listed.Json.GetProperty("consultations").EnumerateArray(), c => c.GetProperty("consultation_id").GetString() == id);
        Assert.Equal(listed.Json.GetProperty("consultations").GetArrayLength(), long.Parse(listed.Json.GetProperty("page").GetProperty("total").GetString()!));
        Assert.Contains("Example Magistrates", exported.Output);
        (await world.RunAsync("probation", "psr", "request", "--person", Guid.NewGuid().ToString(), "--court", "X",
            "--hearing", today.AddDays(30).ToString("yyyy-MM-dd"), "--due", today.AddDays(20).ToString("yyyy-MM-dd"), "--requester", "writer-41"))
            .FailedWith("NotFound", "person_id");
        (await world.RunAsync("probation", "psr", "request", "--person", personId, "--court", "X",
            "--hearing", "2099-01-01", "--due", "2098-12-01", "--requester", "writer-41")).FailedWith("InvalidArgument", "hearing_date");
    }

    [Fact]
    public async Task Clinician_logs_a_session_and_sees_the_waiting_list()
    {
        var nhs = new NhsReferrals.NhsReferralsClient(world.Channel("nhs"));
        var referral = await nhs.RecordReferralAsync(new RecordReferralRequest
        {
            ReferralId = Guid.NewGuid().ToString(), Route = "probation", PerpetratorId = Guid.NewGuid().ToString(),
            PerpetratorName = "Test Person 52", DateOfBirth = "1980-05-05", Service = "intervention", RiskLevel = "high",
            Reason = "Synthetic: fixated on a former partner", Referrer = "probation-officer-01",
        });
        var waiting = (await world.RunAsync("nhs", "waiting")).Succeeded();
        await nhs.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId });
        var episode = await new NhsInterventions.NhsInterventionsClient(world.Channel("nhs")).StartInterventionAsync(new StartInterventionRequest
        {
            EpisodeId = Guid.NewGuid().ToString(), ReferralId = referral.ReferralId, Modality = "cbt", PlannedSessions = 8,
        });

        var logged = (await world.RunAsync("nhs", "session", episode.EpisodeId, "--attendance", "attended", "--notes", "Synthetic session note")).Succeeded();
        var json = (await world.RunAsync("nhs", "session", episode.EpisodeId, "--attendance", "did-not-attend", "--json")).Succeeded();

        Assert.Contains(referral.ReferralId, waiting.Output);
        Assert.Contains("1 logged of 8 planned", logged.Output);
        Assert.Equal(2, json.Json.GetProperty("sessions").GetArrayLength());
        (await world.RunAsync("nhs", "session", episode.EpisodeId, "--attendance", "maybe")).BadUsage("maybe");
        (await world.RunAsync("nhs", "session", episode.EpisodeId, "--as", "police/stac-officer")).FailedWith("PermissionDenied", "");
    }

    [Fact]
    public async Task Auditor_sees_who_saw_a_case()
    {
        var caseId = await ImportedS4ACaseAsync();
        (await world.RunAsync("police", "case", caseId, "--user", "officer-audited-7")).Succeeded();

        var table = (await world.RunAsync("audit", "who-saw", "case", caseId)).Succeeded();
        var json = (await world.RunAsync("audit", "who-saw", "case", caseId, "--service", "police", "--json")).Succeeded();

        Assert.Contains("officer-audited-7", table.Output);
        Assert.Contains(json.Json.GetProperty("entries").EnumerateArray(),
            e => e.GetProperty("viewer_sub").GetString() == "officer-audited-7" && e.GetProperty("viewer_role").GetString() == "stac-officer");
        (await world.RunAsync("audit", "who-saw", "case", caseId, "--as", "police/stac-officer")).FailedWith("PermissionDenied", "");
        (await world.RunAsync("audit", "who-saw", "case")).BadUsage("id");
    }

    [Fact]
    public async Task Token_prints_a_development_token_for_the_role()
    {
        var run = (await world.RunAsync("token", "--agency", "advocacy", "--role", "advocate", "--user", "advocate-9")).Succeeded();

        var parts = run.Output.Trim().Split('.');
        Assert.Equal(3, parts.Length);
        var payload = parts[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
        Assert.Equal(("advocate-9", "advocacy", "advocate"), (claims.GetProperty("sub").GetString(), claims.GetProperty("agency").GetString(), claims.GetProperty("role").GetString()));
        Assert.False(claims.TryGetProperty("force", out _));
        (await world.RunAsync("token", "--agency", "mi5", "--role", "advocate")).BadUsage("mi5");
    }

    [Fact]
    public async Task Token_names_the_force_it_acts_for_when_asked()
    {
        var run = (await world.RunAsync("token", "--agency", "police", "--role", "stac-officer", "--force", "north")).Succeeded();

        var payload = run.Output.Trim().Split('.')[1].Replace('-', '+').Replace('_', '/');
        var claims = JsonDocument.Parse(Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '='))).RootElement;
        Assert.Equal("north", claims.GetProperty("force").GetString());
        (await world.RunAsync("token", "--agency", "police", "--role", "stac-officer", "--force", "North Force")).BadUsage("--force");
    }

    [Fact]
    public async Task Demo_nominals_walks_each_synthetic_nominal_through_review_nomination_and_acceptance()
    {
        var run = (await world.RunAsync("demo", "nominals", "--count", "5", "--seed", "901", "--json")).Succeeded();
        var again = (await world.RunAsync("demo", "nominals", "--count", "5", "--seed", "901")).Succeeded();

        var nominals = run.Json.EnumerateArray().ToList();
        Assert.Equal(5, nominals.Count);
        Assert.All(nominals, n => Assert.Equal("accepted", n.GetProperty("status").GetString()));
        Assert.Equal(Enumerable.Range(1, 5).Select(n => $"99/801{n:000}G"), nominals.Select(n => n.GetProperty("pnc_id").GetString()).Order());
        Assert.Contains("0 Griffin nominals accepted", again.Output);
        (await world.RunAsync("demo", "nominals", "--count", "0")).BadUsage("--count");
    }
}
