using System.Globalization;
using Grpc.Net.Client;
using Masip.Advocacy;
using Masip.Contracts.Police;
using Masip.Meetings;
using Masip.Police;
using Masip.Testing;
using Microsoft.Playwright;
using Xunit;

namespace Masip.Web.BrowserTests;

/// <summary>
/// The morning in the web console, in chromium: the STAC officer reviews and tiers the night's
/// report and refers the victim; the advocate accepts, records consent and the victim's voice;
/// the chair schedules today's DMM, generates the agenda and records a decision; the advocate
/// reads the agenda with what the agreement withholds from them marked. Screenshots of each.
/// </summary>
[Trait("Category", "Browser")]
public sealed class MorningTests(TestBed bed) : IClassFixture<TestBed>
{
    private static readonly TimeSpan Arrival = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_morning_runs_through_the_console_and_each_role_sees_only_its_share()
    {
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var advocacy = await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name);
        var meetings = await bed.StartAsync<MeetingsHost>(MeetingsHost.Name);
        await using var console = await ConsoleUnderTest.StartAsync(
            ("police", police.Server), ("advocacy", advocacy.Server), ("meetings", meetings.Server));

        // The night's report, imported as the crime system's feed would (intake has no screen).
        var suffix = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var reference = $"CRIS-WEB-{suffix}";
        var borough = $"Borough W{suffix}";
        await new PoliceIntake.PoliceIntakeClient(police.Channel).ImportCrimeReportAsync(new ImportCrimeReportRequest
        {
            Record = new CrimeReportRecord
            {
                CrimeReference = reference, ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                OffenceDate = DateTime.UtcNow.Date.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), PrincipalClassification = "s4A",
                DomesticAbuse = true, SuspectName = "Test Suspect W1", SuspectDateOfBirth = "1985-05-05", VictimName = "Test Victim W1",
                VictimPhone = "07700 900555", Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-21", Borough = borough,
            },
        });

        // STAC officer: the queue, filtered to the borough; the case; the review; the referral.
        var stac = await console.SignInAsync("stac-officer");
        await stac.GotoAsync("/stac/queue");
        await stac.GetByLabel("Borough").FillAsync(borough);
        await stac.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(stac.GetByRole(AriaRole.Link, new() { Name = reference })).ToBeVisibleAsync();
        await Screenshots.TakeAsync(stac, "1-stac-queue");
        await stac.GetByRole(AriaRole.Link, new() { Name = reference }).ClickAsync();
        await Assertions.Expect(stac.GetByRole(AriaRole.Heading, new() { Name = $"Case {reference}" })).ToBeVisibleAsync();
        await Assertions.Expect(stac.GetByTestId("tier")).ToHaveTextAsync("not tiered yet");
        foreach (var four in new[] { "Fixated", "Obsessive", "Unwanted", "Repeated" })
            await stac.GetByLabel(four, new() { Exact = true }).CheckAsync();
        await stac.GetByLabel("Risk", new() { Exact = true }).SelectOptionAsync("high");
        await stac.GetByLabel("Escalation (your view)").SelectOptionAsync("escalating");
        await stac.GetByLabel("Risk rationale").FillAsync("Escalating contact; threats at the victim's workplace.");
        await stac.GetByLabel("Advice to the officer in case").FillAsync("Consider an interim SPO.");
        await stac.GetByLabel("Tier", new() { Exact = true }).SelectOptionAsync("3");
        await stac.GetByLabel("Tier reasons").FillAsync("Several partners involved.");
        await Screenshots.TakeAsync(stac, "2-stac-review-form");
        await stac.GetByRole(AriaRole.Button, new() { Name = "Record the review" }).ClickAsync();
        await Assertions.Expect(stac.GetByRole(AriaRole.Status)).ToHaveTextAsync("Review recorded.");
        await Assertions.Expect(stac.GetByTestId("tier")).ToHaveTextAsync("Tier 3");
        await Assertions.Expect(stac.GetByTestId("risk")).ToHaveTextAsync("high");
        await stac.GetByLabel("Why the victim needs an advocate").FillAsync("s4A case, the victim asked for support.");
        await stac.GetByRole(AriaRole.Button, new() { Name = "Refer to advocacy" }).ClickAsync();
        await Assertions.Expect(stac.GetByRole(AriaRole.Status)).ToHaveTextAsync("Victim referred to advocacy.");
        await Assertions.Expect(stac.GetByTestId("referral-outcome").First).ToContainTextAsync("awaiting");
        await Screenshots.TakeAsync(stac, "3-stac-case-reviewed-and-referred");

        // Advocate: the referral arrives (through RabbitMQ); accept it, record consent and the voice.
        var advocate = await console.SignInAsync("advocate");
        var row = advocate.Locator("tr", new() { HasText = reference });
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            await advocate.GotoAsync("/advocacy/referrals");
            return await row.CountAsync() > 0;
        }, Arrival, TimeSpan.FromSeconds(1)), "the referral reached the advocate's list");
        var detail = await row.GetByRole(AriaRole.Link, new() { Name = "Open" }).GetAttributeAsync("href");
        await Screenshots.TakeAsync(advocate, "4-advocate-referrals");
        await row.GetByRole(AriaRole.Button, new() { Name = "Accept" }).ClickAsync();
        await Assertions.Expect(advocate.GetByRole(AriaRole.Status)).ToHaveTextAsync("Referral accepted.");
        await advocate.GotoAsync(detail!);
        await Assertions.Expect(advocate.GetByTestId("referral-status")).ToHaveTextAsync("accepted");
        await advocate.GetByLabel("Share with", new() { Exact = true }).SelectOptionAsync("dmm");
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Assertions.Expect(advocate.GetByRole(AriaRole.Status)).ToHaveTextAsync("Consent recorded.");
        await advocate.GetByLabel("Concerns").FillAsync("VOICE: afraid he waits outside work");
        await advocate.GetByLabel("Wishes").FillAsync("VOICE: an interim SPO");
        await advocate.GetByLabel("Share with the DMM (needs consent)").CheckAsync();
        await advocate.GetByRole(AriaRole.Button, new() { Name = "Record the voice" }).ClickAsync();
        await Assertions.Expect(advocate.GetByRole(AriaRole.Status)).ToHaveTextAsync("The victim's voice recorded.");

        // Chair: today's DMM with the usual attendees; the agenda once the tier and the voice arrived; a decision.
        var chair = await console.SignInAsync("meeting-chair");
        await chair.GotoAsync("/meetings");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Schedule with the usual attendees" }).ClickAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await chair.WaitForURLAsync($"**/meetings/dmm/{today}");
        var tiered = chair.GetByTestId("agenda-item").Filter(new() { HasText = reference }).Filter(new() { HasText = "tier" });
        var voiced = chair.GetByTestId("agenda-item").Filter(new() { HasText = "VOICE: afraid" });
        var generated = await Eventually.TrueAsync(async () =>
        {
            await chair.GetByRole(AriaRole.Button, new() { Name = "Generate the agenda" }).ClickAsync();
            await chair.GetByRole(AriaRole.Status).WaitForAsync();
            return await tiered.CountAsync() > 0 && await voiced.CountAsync() > 0;
        }, Arrival, TimeSpan.FromSeconds(1));
        if (!generated)
            await Screenshots.TakeAsync(chair, "failed-chair-agenda");
        Assert.True(generated, "the tiered case and the victim's voice on the generated agenda");
        await Assertions.Expect(tiered.First).ToContainTextAsync("high");
        await Screenshots.TakeAsync(chair, "5-chair-agenda");
        var option = await chair.Locator("#decision-item option", new() { HasText = reference }).First.GetAttributeAsync("value");
        await chair.GetByLabel("Item").Nth(1).SelectOptionAsync(option!);
        await chair.GetByLabel("Decision", new() { Exact = true }).SelectOptionAsync("consider-spo");
        await chair.GetByLabel("Owner", new() { Exact = true }).SelectOptionAsync("police");
        await chair.GetByLabel("Detail (non-identifying)").FillAsync("apply for an interim SPO");
        await chair.GetByRole(AriaRole.Button, new() { Name = "Record the decision" }).ClickAsync();
        await Assertions.Expect(chair.GetByRole(AriaRole.Status)).ToHaveTextAsync("Decision recorded.");
        await Assertions.Expect(chair.GetByTestId("decision").Filter(new() { HasText = "consider-spo" })).ToContainTextAsync("apply for an interim SPO");
        await Screenshots.TakeAsync(chair, "6-chair-decision");

        // Advocate: today's DMM agenda as the advocate sees it: the voice, and markers where the agreement withholds.
        await advocate.GotoAsync("/meetings/view");
        await Assertions.Expect(advocate.GetByTestId("agenda-item").Filter(new() { HasText = reference }).First).ToBeVisibleAsync();
        await Assertions.Expect(advocate.GetByTestId("agenda-item").Filter(new() { HasText = "VOICE: afraid" }).First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(advocate, "7-advocate-agenda-withheld");
        await Assertions.Expect(advocate.GetByTestId("withheld-marker").First).ToBeVisibleAsync();
        await Assertions.Expect(advocate.GetByTestId("agenda-withheld")).ToContainTextAsync("Withheld from this view");
        await Assertions.Expect(advocate.GetByTestId("agenda-heading")).ToContainTextAsync("advocacy/advocate");

        // The advocate's token does not open the police's review queue: the service says no, the page says why.
        await advocate.GotoAsync("/stac/queue");
        await Assertions.Expect(advocate.GetByRole(AriaRole.Alert)).ToContainTextAsync("Not allowed for your role");
        await Assertions.Expect(advocate.GetByRole(AriaRole.Link, new() { Name = reference })).ToHaveCountAsync(0);

        // Nobody signed in: every page sends the browser to the sign-in page first.
        var stranger = await (await console.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = console.Address })).NewPageAsync();
        await stranger.GotoAsync(detail!);
        await Assertions.Expect(stranger.GetByRole(AriaRole.Heading, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Assertions.Expect(stranger.Locator("body")).Not.ToContainTextAsync("Test Victim W1");
    }
}
