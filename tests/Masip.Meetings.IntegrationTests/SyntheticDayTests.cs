using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Masip.Testing;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>
/// A synthetic morning: a handful of Griffin nominals, 12 newly tiered s4A cases, 3 SPO breaches,
/// 5 referrals not accepted and 2 actions overdue from the previous DMM, all published through
/// RabbitMQ. The DMM agenda holds every item in risk order; the advocate's view holds no
/// Griffin-restricted content and says where it withheld.
/// </summary>
public sealed class SyntheticDayTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly string[] RiskOrder = ["high", "medium", "standard"];
    private static readonly string[] TypeOrder =
    [
        "griffin-alert", "spo", "newly-tiered", "release-due", "s2a-limit-near", "action-overdue", "risk-summary",
        "referral-not-accepted", "psr-due", "victim-update-overdue", "victim-voice", "mappa", "probation-record", "case-event", "intervention",
    ];

    [Fact]
    public async Task The_DMM_agenda_holds_every_item_in_risk_order_and_the_advocate_sees_no_Griffin_content()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var day = MeetingsBed.NextWorkingDay(today);
        var yesterday = MeetingsBed.PreviousWorkingDay(day);
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);

        // The previous DMM: one case, and two actions on it, due before today's meeting.
        var earlierCase = await bed.Publish(new CaseTieredV1(Guid.NewGuid(), "CRIS-EARLIER-1", Guid.NewGuid(), "s4A", 2, "medium", "review", at.AddDays(-3)));
        await bed.Arrived("dmm", yesterday, [earlierCase]);
        var previous = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = previous, Type = "dmm", Date = MeetingsBed.Day(yesterday), Chair = "Chair Person 1" });
        var previousAgenda = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = previous });
        Assert.Contains(previousAgenda.Items, i => i.ItemId == earlierCase);
        var actions = new List<string>();
        foreach (var owner in new[] { "probation", "advocacy" })
        {
            var reply = await bed.Chair.AssignActionAsync(new AssignActionRequest
            {
                ActionId = Guid.NewGuid().ToString(), MeetingId = previous, ItemId = earlierCase, Description = $"{owner} to check history",
                OwnerAgency = owner, Assignee = $"Test Officer {owner}", DueDate = MeetingsBed.Day(yesterday),
            });
            actions.Add("action:" + reply.ActionId);
        }

        // This morning's messages.
        var ids = new List<string>();
        var nominals = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (perpetrator, n) in nominals.Select((p, n) => (p, n)))
            ids.Add(await bed.Publish(new NominalAddedV1(Guid.NewGuid(), perpetrator, $"Test Person {n}", $"99/12345{n}X", "repeat stalking", day.AddMonths(3), at)));
        ids.Add(await bed.Publish(new NominalActivityV1(Guid.NewGuid(), nominals[0], "seen outside the victim's workplace (synthetic)", "CRIS-GRIFFIN-1", at)));
        ids.Add(await bed.Publish(new NominalActivityV1(Guid.NewGuid(), nominals[1], "arrested for criminal damage (synthetic)", null, at)));
        var known = Guid.NewGuid();
        string? knownCase = null;
        for (var n = 0; n < 12; n++)
        {
            var (tier, risk) = (n % 3) switch { 0 => (3, "high"), 1 => (2, "medium"), _ => (1, "standard") };
            var id = await bed.Publish(new CaseTieredV1(Guid.NewGuid(), $"CRIS-DAY-{n:00}", n == 0 ? known : Guid.NewGuid(), "s4A", tier, risk, "overnight review", at.AddMinutes(n)));
            knownCase ??= id;
            ids.Add(id);
        }
        // Probation knows the first case's perpetrator: its record joins that item as probation's contribution.
        ids.Add(await bed.Publish(new ProbationRecordSharedV1(Guid.NewGuid(), known, true, "community order", null, "Test Officer 7", 2, null, at.AddMinutes(-5))));
        for (var n = 0; n < 3; n++)
            ids.Add(await bed.Publish(new SpoEventV1(Guid.NewGuid(), Guid.NewGuid(), "breached", "contact in breach of the SPO (synthetic)", at)));
        for (var n = 0; n < 5; n++)
            ids.Add(await bed.Publish(new AdvocacyReferralDecidedV1(Guid.NewGuid(), $"CRIS-REF-{n}", false, "not yet reached", at)));
        ids.Add(await bed.Publish(new PsrDueV1(Guid.NewGuid(), Guid.NewGuid(), "Test Crown Court", day.AddDays(3), at)));
        await bed.Arrived("dmm", day, ids);

        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(day), Chair = "Chair Person 1",
            Attendees = { new Attendee { Agency = "advocacy", Role = "advocate", Person = "Test Advocate 1" } },
        });
        var agenda = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });

        // Every item, the overdue actions too, and nothing discussed at the previous DMM again.
        Assert.All(ids.Concat(actions), id => Assert.Contains(agenda.Items, i => i.ItemId == id));
        Assert.DoesNotContain(agenda.Items, i => i.ItemId == earlierCase);
        Assert.Equal(ids.Count + actions.Count, agenda.Items.Count);
        // Risk, then type, then age.
        var keys = agenda.Items.Select(i => (Array.IndexOf(RiskOrder, i.Risk), Array.IndexOf(TypeOrder, i.Type), i.OccurredAt)).ToList();
        Assert.DoesNotContain(keys, k => k.Item1 < 0 || k.Item2 < 0);
        Assert.Equal(keys.OrderBy(k => k.Item1).ThenBy(k => k.Item2).ThenBy(k => k.OccurredAt, StringComparer.Ordinal), keys);
        Assert.Equal("high", agenda.Items[0].Risk);
        Assert.Equal(Enumerable.Range(1, agenda.Items.Count), agenda.Items.Select(i => i.Position));
        Assert.Empty(agenda.WithheldFields);

        // The advocate's own view of it.
        var advocate = bed.As("advocacy", "advocate", "dmm");
        var view = await advocate.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting });
        Assert.Equal("advocacy/advocate", view.Viewer);
        Assert.Equal(agenda.Items.Select(i => i.Position), view.Items.Select(i => i.Position));
        // What the advocate may know of keeps its id; a withheld item has none.
        Assert.Equal(agenda.Items.Select(i => i.Type == "griffin-alert" ? "" : i.ItemId), view.Items.Select(i => i.ItemId));
        Assert.All(view.Items.SelectMany(i => i.Contributions), c => Assert.Equal("", c.GriffinRestricted + c.PoliceIntelligence + c.ProbationRecord));
        var text = view.ToString();
        Assert.DoesNotContain("Test Person", text);
        Assert.DoesNotContain("victim's workplace", text);
        Assert.DoesNotContain("Test Crown Court", text);
        var griffinItems = view.Items.Where(i => agenda.Items.Single(a => a.Position == i.Position).Type == "griffin-alert").ToList();
        Assert.Equal(7, griffinItems.Count);
        Assert.All(griffinItems, i => Assert.Equal(new AgendaItemReply { Position = i.Position, Type = "withheld", Reason = "[withheld: griffin.restricted]" }, i));
        Assert.Contains(view.Withheld, w => w.EndsWith(": griffin.restricted"));
        Assert.Contains(view.Items.SelectMany(i => i.Contributions), c => c.WithheldMarker == "[withheld: probation.record]");
        Assert.Contains(view.Items.SelectMany(i => i.Contributions), c => c.CaseSummary == "contact in breach of the SPO (synthetic)");

        Assert.Contains(view.Items.Single(i => i.ItemId == knownCase).Contributions,
            c => c.Agency == "probation" && c.Name == "order_type" && c.WithheldMarker == "[withheld: probation.record]" && c.ProbationRecord == "");

        // The chair sees the Griffin content and the probation contribution the advocate does not.
        var chairView = await bed.Chair.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting });
        Assert.Contains("victim's workplace", chairView.ToString());
        Assert.Contains(chairView.Items.Single(i => i.ItemId == knownCase).Contributions, c => c.Agency == "probation" && c.ProbationRecord == "community order");
        Assert.Empty(chairView.Withheld);

        // Generating again: the same version; a new message: a new version.
        var again = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        Assert.Equal(agenda.Version, again.Version);
        Assert.Equal(agenda.Items.Select(i => i.ItemId), again.Items.Select(i => i.ItemId));
        var late = await bed.Publish(new CaseTieredV1(Guid.NewGuid(), "CRIS-LATE-1", Guid.NewGuid(), "s4A", 3, "high", "late review", at));
        await bed.Arrived("dmm", day, [late]);
        var newer = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        Assert.Equal(agenda.Version + 1, newer.Version);
        Assert.Contains(newer.Items, i => i.ItemId == late);
    }
}
