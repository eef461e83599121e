using System.Globalization;
using Grpc.Net.Client;
using Masip.Advocacy;
using Masip.Contracts.Police;
using Masip.Nhs;
using Masip.Police;
using Masip.Police.Cases;
using Masip.Probation;
using Masip.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Masip.Web.BrowserTests;

/// <summary>
/// The console speaks data protection (issue 19), in chromium: a practitioner reading a case on
/// someone else's caseload is asked why, and the audit shows the reason; the police DPO requests an
/// erasure and watches the four agencies' parts reach "erased".
/// </summary>
[Trait("Category", "Browser")]
public sealed class AccessReasonTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task A_reader_not_holding_the_case_gives_a_reason_reads_it_and_who_saw_shows_the_reason()
    {
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        await using var console = await ConsoleUnderTest.StartAsync(("police", police.Server));
        var reference = await Synthetic.ImportAsync(police.Channel, "Test Victim R1", "Test Suspect R1");
        var caseId = StacCase.IdFor(reference).ToString();

        // The chair puts the case on another officer's caseload.
        var chair = await console.SignInAsync("meeting-chair");
        await chair.GotoAsync($"/stac/cases/{caseId}");
        await Assertions.Expect(chair.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" })).ToBeVisibleAsync();
        await Assertions.Expect(chair.GetByTestId("caseload-holder")).ToHaveTextAsync("Nobody holds it yet: the team's.");
        await chair.GetByLabel("Assign to (the practitioner's user id)").FillAsync("dev-police-stac-officer-2");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(chair.GetByTestId("caseload-holder")).ToContainTextAsync("Held by dev-police-stac-officer-2 (assigned by dev-police-meeting-chair");
        await Screenshots.TakeAsync(chair, "dp-1-chair-assigns-caseload");

        // The STAC officer does not hold it: asked why, no case shown; gives a reason and reads it.
        var officer = await console.SignInAsync("stac-officer");
        await officer.GotoAsync($"/stac/cases/{caseId}");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Why are you looking?" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" })).ToHaveCountAsync(0);
        await Assertions.Expect(officer.Locator("body")).Not.ToContainTextAsync("Test Victim R1");
        await Screenshots.TakeAsync(officer, "dp-2-officer-asked-for-a-reason");
        await officer.GetByLabel("Reason", new() { Exact = true }).SelectOptionAsync("covering-colleague");
        await officer.GetByLabel("In a few words (optional, no names)").FillAsync("on leave this week");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Read with this reason" }).ClickAsync();
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("body")).ToContainTextAsync("Test Victim R1");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = "Why are you looking?" })).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(officer, "dp-3-officer-reads-with-the-reason");
        // The reason stays with this record for the session: opening it again reads it (audited again, with the reason).
        await officer.GotoAsync($"/stac/cases/{caseId}");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" })).ToBeVisibleAsync();

        // A malformed reason is refused in the form, naming what is wrong; nothing is read.
        var other = await console.SignInAsync("stac-officer");
        await other.GotoAsync($"/stac/cases/{caseId}");
        await other.GetByLabel("Reason", new() { Exact = true }).SelectOptionAsync("supervision");
        await other.GetByLabel("In a few words (optional, no names)").EvaluateAsync("e => e.removeAttribute('maxlength')");
        await other.GetByLabel("In a few words (optional, no names)").FillAsync(new string('x', 301));
        await other.GetByRole(AriaRole.Button, new() { Name = "Read with this reason" }).ClickAsync();
        await Assertions.Expect(other.GetByRole(AriaRole.Alert)).ToContainTextAsync("at most 300 characters");
        await Assertions.Expect(other.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" })).ToHaveCountAsync(0);

        // The auditor: who saw the case, with the reason given.
        var auditor = await console.SignInAsync("auditor");
        var reasoned = auditor.Locator("tr", new() { HasText = "access-reason: covering-colleague: on leave this week" });
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await auditor.GotoAsync($"/audit?service=police&kind=case&subject={caseId}");
            return await reasoned.CountAsync() >= 2;
        }, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(1)), "both reads audited with the reason");
        await Assertions.Expect(reasoned.First).ToContainTextAsync("dev-police-stac-officer");
        await Screenshots.TakeAsync(auditor, "dp-4-who-saw-with-the-reason");
    }
}

[Trait("Category", "Browser")]
public sealed class ErasureTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task The_dpo_requests_an_erasure_and_sees_the_four_agencies_parts_reach_erased()
    {
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var advocacy = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var nhs = await bed.StartAsync<NhsHost>(NhsHost.Name);
        var probation = await bed.StartAsync<ProbationHost>(ProbationHost.Name);
        await using var console = await ConsoleUnderTest.StartAsync(
            ("police", police.Server), ("advocacy", advocacy.Server), ("nhs", nhs.Server), ("probation", probation.Server));
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var victim = $"Erasable Victim{suffix}";
        var reference = await Synthetic.ImportAsync(police.Channel, victim, $"Test Suspect E{suffix}");

        var dpo = await console.SignInAsync("auditor");
        await dpo.GotoAsync("/dpo/erasure");
        await dpo.GetByLabel("Full name").FillAsync(victim);
        await dpo.GetByLabel("The request and its ground (no other names)").FillAsync("Art. 17(1)(a) request, synthetic.");
        await Screenshots.TakeAsync(dpo, "dp-5-dpo-erasure-form");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Request the erasure" }).ClickAsync();
        await dpo.WaitForURLAsync("**/dpo/erasure/*");
        await Assertions.Expect(dpo.GetByTestId("erasure-part")).ToHaveCountAsync(4);

        // The parts arrive by message: reload until every agency has answered.
        var erased = dpo.GetByTestId("erasure-part").Filter(new() { Has = dpo.GetByTestId("erasure-state").GetByText("erased", new() { Exact = true }) });
        var done = await Eventually.TrueAsync(async () =>
        {
            await dpo.ReloadAsync();
            return await erased.CountAsync() == 4;
        }, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(1));
        if (!done)
            await Screenshots.TakeAsync(dpo, "failed-dpo-erasure");
        Assert.True(done, "the four agencies' parts erased");
        await Assertions.Expect(dpo.GetByTestId("erasure-complete")).ToContainTextAsync("Every agency has answered.");
        foreach (var agency in new[] { "advocacy", "nhs", "police", "probation" })
            await Assertions.Expect(erased.Filter(new() { HasText = agency })).ToHaveCountAsync(1);
        await Screenshots.TakeAsync(dpo, "dp-6-dpo-erasure-parts-erased");

        // The police's case, as the STAC officer opens it: the victim's name is gone.
        var officer = await console.SignInAsync("stac-officer");
        await officer.GotoAsync($"/stac/cases/{StacCase.IdFor(reference)}");
        await Assertions.Expect(officer.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" })).ToBeVisibleAsync();
        await Assertions.Expect(officer.Locator("body")).Not.ToContainTextAsync(victim);
        await Assertions.Expect(officer.Locator("body")).ToContainTextAsync("[erased]");
    }
}

[Trait("Category", "Browser")]
public sealed class DpoScreensTests(TestBed bed) : IClassFixture<TestBed>
{
    [Fact]
    public async Task The_dpo_corrects_a_field_with_its_history_restricts_and_lifts_and_reads_alerts_and_reviews()
    {
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        await using var console = await ConsoleUnderTest.StartAsync(("police", police.Server));
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var victim = $"Restrictable Victim{suffix}";
        var caseId = StacCase.IdFor(await Synthetic.ImportAsync(police.Channel, victim, $"Test Suspect S{suffix}")).ToString();
        var dpo = await console.SignInAsync("auditor");

        // Rectification: the victim's phone at the police, then the case's history of corrections.
        await dpo.GotoAsync("/dpo/rectify?service=police");
        await dpo.Locator("#rectify-id").FillAsync(caseId);
        await dpo.Locator("#rectify-field").SelectOptionAsync("victim.phone");
        await dpo.Locator("#rectify-value").FillAsync("07700 900999");
        await dpo.Locator("#rectify-reason").FillAsync("The person says the number was mistyped.");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();
        await Assertions.Expect(dpo.GetByRole(AriaRole.Status)).ToContainTextAsync("Corrected victim.phone");
        var row = dpo.GetByTestId("rectification");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("07700 900556");
        await Assertions.Expect(row).ToContainTextAsync("07700 900999");
        await Screenshots.TakeAsync(dpo, "dp-7-dpo-rectification");
        // What the service refuses shows as the page's problem, naming the field (a record id that is not one).
        await dpo.Locator("#rectify-id").FillAsync("not-an-id");
        await dpo.Locator("#rectify-value").FillAsync("x");
        await dpo.Locator("#rectify-reason").FillAsync("synthetic");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Correct" }).ClickAsync();
        await Assertions.Expect(dpo.GetByRole(AriaRole.Alert)).ToContainTextAsync("record_id");

        // Restriction: restrict the victim, see it active, lift it.
        await dpo.GotoAsync("/dpo/restrictions?service=police");
        await dpo.GetByLabel("Full name").FillAsync(victim);
        await dpo.Locator("#restrict-reason").FillAsync("Art. 18(1)(a): accuracy contested, synthetic.");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Restrict processing" }).ClickAsync();
        await Assertions.Expect(dpo.GetByRole(AriaRole.Status)).ToContainTextAsync("Processing restricted");
        var restriction = dpo.GetByTestId("restriction").Filter(new() { HasText = victim });
        await Assertions.Expect(restriction.GetByTestId("restriction-active")).ToHaveTextAsync("active");
        await Screenshots.TakeAsync(dpo, "dp-8-dpo-restrictions");
        await dpo.Locator("#lift-reason").FillAsync("Accuracy verified, synthetic.");
        await dpo.GetByRole(AriaRole.Button, new() { Name = "Lift" }).ClickAsync();
        await Assertions.Expect(dpo.GetByRole(AriaRole.Status)).ToContainTextAsync("lifted");
        await Assertions.Expect(restriction.GetByTestId("restriction-active")).ToHaveTextAsync("lifted");

        // Alerts and reviews: nothing broke glass and nothing is past its schedule here; the pages say so.
        await dpo.GotoAsync("/dpo/alerts?service=police");
        await Assertions.Expect(dpo.GetByText("No alert at police.")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(dpo, "dp-9-dpo-alerts");
        await dpo.GotoAsync("/dpo/retention?service=police");
        await Assertions.Expect(dpo.GetByText("No record is due for review at police.")).ToBeVisibleAsync();
        await Screenshots.TakeAsync(dpo, "dp-10-dpo-retention");
    }
}

/// <summary>What the data-protection browser tests share: a synthetic report imported.</summary>
internal static class Synthetic
{
    /// <summary>Imports a synthetic crime report (as the crime system's feed would) and returns its crime reference.</summary>
    public static async Task<string> ImportAsync(GrpcChannel police, string victim, string suspect)
    {
        var reference = $"CRIS-DP-{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        await new PoliceIntake.PoliceIntakeClient(police).ImportCrimeReportAsync(new ImportCrimeReportRequest
        {
            Record = new CrimeReportRecord
            {
                CrimeReference = reference, ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                OffenceDate = DateTime.UtcNow.Date.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PrincipalClassification = "s4A",
                DomesticAbuse = true, SuspectName = suspect, SuspectDateOfBirth = "1985-05-05", VictimName = victim,
                VictimPhone = "07700 900556", Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-22", Borough = "Borough DP",
            },
        });
        return reference;
    }
}
