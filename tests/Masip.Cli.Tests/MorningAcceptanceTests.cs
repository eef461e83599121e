using System.Text.Json;
using Masip.Testing;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>
/// The user's day end to end across the five services, through RabbitMQ and gRPC, driven by the
/// client exactly as deploy/demo.sh drives it: a night arrives, the officer reviews and tiers,
/// nominates to Griffin, the chair accepts, the victim is referred and the advocate accepts, then
/// the chair generates the DMM agenda and each attendee sees what the agreement lets them see.
/// </summary>
public sealed class MorningAcceptanceTests(CliWorld world) : IClassFixture<CliWorld>
{
    private static readonly string Night = DateTime.UtcNow.ToString("yyyy-MM-dd");

    /// <summary>The DMM meets on working days: today, or the Monday after a weekend.</summary>
    private static string MeetingDay()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            day = day.AddDays(1);
        return day.ToString("yyyy-MM-dd");
    }

    [Fact]
    public async Task The_morning_ends_with_a_DMM_agenda_the_chair_sees_whole_and_the_advocate_sees_redacted()
    {
        var file = Path.Combine(Path.GetTempPath(), $"masip-morning-{Guid.NewGuid():N}.jsonl");
        (await world.RunAsync("demo", "night", "--seed", "2026", "--date", Night, "--out", file)).Succeeded();
        (await world.RunAsync("police", "import", file)).Succeeded();
        var queue = (await world.RunAsync("police", "queue", "--offence", "s4A", "--from", Night, "--to", Night, "--json")).Succeeded();
        var s4a = queue.Json.GetProperty("items").EnumerateArray().ToList();
        var tier3 = s4a.First(i => i.GetProperty("perpetrator_id").GetString() is { Length: > 0 } && i.GetProperty("suspect_known_reasons").GetArrayLength() == 0);
        var tier2 = s4a.First(i => i.GetProperty("case_id").GetString() != tier3.GetProperty("case_id").GetString());
        var (tier3Case, tier3Ref) = (tier3.GetProperty("case_id").GetString()!, tier3.GetProperty("crime_reference").GetString()!);

        (await world.RunAsync("police", "review", tier3Case, "--tier", "3", "--risk", "high", "--four", "fixated,obsessive,unwanted,repeated",
            "--rationale", "Synthetic: threats to kill")).Succeeded();
        (await world.RunAsync("police", "review", tier2.GetProperty("case_id").GetString()!, "--tier", "2", "--risk", "medium",
            "--rationale", "Synthetic: persistent contact")).Succeeded();
        var nominal = (await world.RunAsync("police", "nominate", tier3Case, "--rationale", "Synthetic: escalating", "--json")).Succeeded();
        (await world.RunAsync("police", "decide", nominal.Json.GetProperty("nominal_id").GetString()!, "--reason", "Synthetic: meets the criteria")).Succeeded();
        var referral = (await world.RunAsync("police", "refer-victim", tier3Case, "--reason", "Synthetic: high risk", "--json")).Succeeded();
        var referralId = referral.Json.GetProperty("referral_id").GetString()!;
        await Eventually.ValueAsync(async () =>
        {
            var run = await world.RunAsync("advocacy", "referrals", "--status", "pending", "--json");
            return run.Code == 0 && run.Output.Contains(referralId) ? run : null;
        }, TimeSpan.FromSeconds(30), "the victim referral at advocacy");
        (await world.RunAsync("advocacy", "accept", referralId)).Succeeded();

        var day = MeetingDay();
        (await world.RunAsync("meetings", "schedule", "--date", day)).Succeeded();
        var generated = await Eventually.ValueAsync(async () =>
        {
            var run = await world.RunAsync("meetings", "generate", "--date", day, "--json");
            return run.Code == 0 && Items(run).Any(i => i.GetProperty("type").GetString() == "griffin-alert") && run.Output.Contains(tier3Ref) ? run : null;
        }, TimeSpan.FromSeconds(30), "the tiered cases and the Griffin nominal on the DMM agenda");
        var chair = (await world.RunAsync("meetings", "agenda", "--date", day, "--json")).Succeeded();
        var advocate = (await world.RunAsync("meetings", "agenda", "--date", day, "--as", "advocacy/advocate", "--json")).Succeeded();
        var advocateTable = (await world.RunAsync("meetings", "agenda", "--date", day, "--as", "advocacy/advocate")).Succeeded();

        // The chair sees the Tier 3 case first, and the Griffin nominal with the suspect's name.
        var chairItems = Items(chair);
        Assert.Equal(("newly-tiered", "high", tier3Ref), (chairItems[0].GetProperty("type").GetString(), chairItems[0].GetProperty("risk").GetString(), chairItems[0].GetProperty("crime_reference").GetString()));
        Assert.Equal("newly tiered: tier 3, s4A", chairItems[0].GetProperty("reason").GetString());
        var griffin = chairItems.Single(i => i.GetProperty("type").GetString() == "griffin-alert");
        Assert.Contains(griffin.GetProperty("contributions").EnumerateArray(), c => c.GetProperty("griffin_restricted").GetString()!.Length > 0);
        Assert.Empty(chair.Json.GetProperty("withheld").EnumerateArray());
        Assert.Equal(Items(generated).Count, chairItems.Count);
        // A kind of item, listed whole (page after page) as the caller may see it.
        var tiered = (await world.RunAsync("meetings", "group", "--date", day, "--kind", "newly-tiered", "--as", "advocacy/advocate", "--json")).Succeeded();
        Assert.Equal(chairItems.Count(i => i.GetProperty("type").GetString() == "newly-tiered"), Items(tiered).Count);

        // The advocate sees the same tiered cases, but the Griffin item only as withheld, and no Griffin data anywhere.
        var advocateItems = Items(advocate);
        Assert.Equal(chairItems.Count, advocateItems.Count);
        Assert.Equal(tier3Ref, advocateItems[0].GetProperty("crime_reference").GetString());
        var hidden = advocateItems[griffin.GetProperty("position").GetInt32() - 1];
        Assert.Equal(("withheld", "[withheld: griffin.restricted]"), (hidden.GetProperty("type").GetString(), hidden.GetProperty("reason").GetString()));
        Assert.Empty(hidden.GetProperty("contributions").EnumerateArray());
        Assert.Contains($"items[{griffin.GetProperty("position").GetInt32() - 1}]: griffin.restricted", advocate.Json.GetProperty("withheld").EnumerateArray().Select(w => w.GetString()));
        Assert.DoesNotContain(advocateItems.SelectMany(i => i.GetProperty("contributions").EnumerateArray()), c => c.GetProperty("griffin_restricted").GetString()!.Length > 0);
        var suspect = griffin.GetProperty("contributions").EnumerateArray().First(c => c.GetProperty("griffin_restricted").GetString()!.Length > 0).GetProperty("griffin_restricted").GetString()!;
        Assert.DoesNotContain(suspect, advocate.Output);
        Assert.DoesNotContain(suspect, advocateTable.Output);
        Assert.Contains("[withheld: griffin.restricted]", advocateTable.Output);

        // The audit trail: the police service recorded who was shown the Tier 3 case.
        var audit = (await world.RunAsync("audit", "who-saw", "case", tier3Case, "--json")).Succeeded();
        var entries = audit.Json.GetProperty("entries").EnumerateArray().ToList();
        Assert.Contains(entries, e => e.GetProperty("viewer_sub").GetString() == "dev-police-stac-officer" && e.GetProperty("operation").GetString()!.EndsWith("ReviewReport"));
        Assert.Contains(entries, e => e.GetProperty("channel").GetString() == "message" && e.GetProperty("recipient").GetString()!.Contains("meetings"));
    }

    private static List<JsonElement> Items(CliRun run) => [.. run.Json.GetProperty("items").EnumerateArray()];

    [Fact]
    public async Task Meetings_commands_refuse_what_the_chair_alone_may_do_and_bad_dates()
    {
        (await world.RunAsync("meetings", "schedule", "--date", "2026-13-01")).BadUsage("--date");
        (await world.RunAsync("meetings", "agenda", "--type", "weekly")).BadUsage("weekly");
        (await world.RunAsync("meetings", "generate", "--date", MeetingDay(), "--as", "advocacy/advocate")).FailedWith("PermissionDenied", "");
        (await world.RunAsync("meetings", "agenda", "--date", "2031-01-06")).FailedWith("NotFound", "meeting_id");
        (await world.RunAsync("meetings", "group", "--date", "2026-11-24")).BadUsage("--kind");
        (await world.RunAsync("meetings", "schedule", "--date", "2026-11-28")).FailedWith("FailedPrecondition", "date");
    }
}
