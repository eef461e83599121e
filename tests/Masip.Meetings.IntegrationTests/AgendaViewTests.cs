using Google.Protobuf;
using Grpc.Core;
using Marten;
using Masip.Contracts.Common;
using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Masip.Meetings.Agenda.Candidates;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>
/// Views are the caller's own (issue 12.6); a withheld item reveals nothing about whom it
/// concerns; the tier reason never reaches an advocate (12.7); and an agenda with 3,000 pending
/// referrals stays one screen per kind, its groups listed a page at a time (14.6).
/// </summary>
public sealed class AgendaViewTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly DateOnly Day = MeetingsBed.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<string> Meeting(string type, DateOnly day, string? purpose = null)
    {
        var meeting = Guid.NewGuid().ToString();
        var chair = bed.As("police", "meeting-chair", purpose ?? type);
        await chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = type, Date = MeetingsBed.Day(day) });
        await chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        return meeting;
    }

    [Fact]
    public async Task An_advocate_sees_their_own_DMM_view_where_a_Griffin_item_says_only_where_it_is_and_no_tier_reason()
    {
        var perpetrator = Guid.NewGuid();
        var nominal = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddMinutes(-20);
        var alert = await bed.Publish(new NominalActivityV1(nominal, perpetrator, "seen at the victim's gym (synthetic)", "CRIS-GV-1", at));
        var tiered = await bed.Publish(new CaseTieredV1(Guid.NewGuid(), "CRIS-GV-2", Guid.NewGuid(), "s4A", 3, "high",
            "TIER REASON: threats to kill, intelligence from a partner (synthetic)", at));
        await bed.Arrived("dmm", Day, [alert, tiered]);
        var meeting = await Meeting("dmm", Day);
        var advocate = bed.As("advocacy", "advocate", "dmm");

        var own = await advocate.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting });
        var chair = await bed.Chair.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting });

        Assert.Equal(("advocacy/advocate", "police/meeting-chair"), (own.Viewer, chair.Viewer));
        var position = chair.Items.Single(i => i.ItemId == alert).Position;
        Assert.Equal(new AgendaItemReply { Position = position, Type = "withheld", Reason = "[withheld: griffin.restricted]" },
            own.Items.Single(i => i.Position == position));
        var text = own.ToString();
        foreach (var secret in new[] { alert, perpetrator.ToString(), nominal.ToString(), "CRIS-GV-1", "victim's gym", "griffin-alert", nameof(NominalActivityV1) })
            Assert.DoesNotContain(secret, text);
        // The tier reason is police intelligence: the chair's view carries it, the advocate's never.
        Assert.Contains(chair.Items.Single(i => i.ItemId == tiered).Contributions, c => c.Name == "reason" && c.PoliceIntelligence.StartsWith("TIER REASON"));
        Assert.Contains(own.Items.Single(i => i.ItemId == tiered).Contributions, c => c.Name == "reason" && c.WithheldMarker == "[withheld: police.intelligence]");
        Assert.DoesNotContain("TIER REASON", text);
        Assert.DoesNotContain("TIER REASON", (await bed.Chair.ExportAgendaAsync(new ExportRequest
        { MeetingId = meeting, AttendeeAgency = "advocacy", AttendeeRole = "advocate", Format = "markdown" })).Document);

        // Another's view: refused to the advocate, previewed by the chair exactly as the advocate sees it.
        await MeetingsBed.Refused(StatusCode.PermissionDenied, "attendee_role", () => advocate.GetAgendaViewAsync(
            new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "police", AttendeeRole = "meeting-chair" }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.PermissionDenied, "attendee_role", () => bed.As("probation", "probation-officer", "dmm").GetAgendaViewAsync(
            new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "police", AttendeeRole = "meeting-chair" }).ResponseAsync);
        var preview = await bed.Chair.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "advocacy", AttendeeRole = "advocate" });
        Assert.Equal(own.Items, preview.Items);
        Assert.Equal(own.Withheld, preview.Withheld);
        // Listing a kind the advocate may not know of lists nothing, as if there were none.
        var griffin = await advocate.ListAgendaGroupAsync(new ListAgendaGroupRequest { MeetingId = meeting, Type = "griffin-alert" });
        Assert.Equal((0, 0L), (griffin.Items.Count, griffin.Page.Total));
    }

    [Fact]
    public async Task An_advocate_has_no_view_of_a_Griffin_meeting_whatever_view_or_purpose_is_asked_for()
    {
        var nominal = Guid.NewGuid();
        var added = await bed.Publish(new NominalAddedV1(nominal, Guid.NewGuid(), "Test Person 71", "99/710000X", "escalating (synthetic)", Day.AddMonths(3),
            DateTimeOffset.UtcNow.AddMinutes(-10)));
        await bed.Arrived("griffin", Day, [added], "griffin");
        var meeting = await Meeting("griffin", Day);

        foreach (var purpose in new[] { "griffin", "dmm" })
        {
            var advocate = bed.As("advocacy", "advocate", purpose);
            await MeetingsBed.Refused(StatusCode.PermissionDenied, "meeting_id",
                () => advocate.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting }).ResponseAsync);
            await MeetingsBed.Refused(StatusCode.PermissionDenied, "attendee_role", () => advocate.GetAgendaViewAsync(
                new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "police", AttendeeRole = "meeting-chair" }).ResponseAsync);
            await MeetingsBed.Refused(StatusCode.PermissionDenied, "meeting_id", () => advocate.ListAgendaGroupAsync(
                new ListAgendaGroupRequest { MeetingId = meeting, Type = "griffin-alert" }).ResponseAsync);
        }
        // Probation's own Griffin view shows the nominal.
        var probation = await bed.As("probation", "probation-officer", "griffin").GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting });
        Assert.Contains("Test Person 71", probation.ToString());
    }

    [Fact]
    public async Task Three_thousand_pending_referrals_are_one_group_entry_of_a_small_view_and_the_group_pages_through_all_of_them()
    {
        // A day of its own (the window of today's other tests stays clear); the 3,000 candidates are
        // stored as the consumer stores them (the broker path is PendingReferralTests').
        var day = MeetingsBed.NextWorkingDay(Day.AddDays(70));
        var morning = new DateTimeOffset(day.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero);
        var tiered = await bed.Publish(new CaseTieredV1(Guid.NewGuid(), "CRIS-BULK-T", Guid.NewGuid(), "s4A", 2, "medium", "review (synthetic)", morning));
        await bed.Arrived("dmm", day, [tiered]);
        var candidates = Enumerable.Range(0, 3000).Select(n => Candidates.From(new ReferralAwaitingDecisionV1(Guid.NewGuid(), ReferralAwaitingDecisionV1.Advocacy,
            "police", $"CRIS-BULK-{n:0000}", null, null, n % 4 == 0 ? "high" : null, morning.AddSeconds(n)), Guid.NewGuid())!).ToList();
        await bed.Store.BulkInsertDocumentsAsync(candidates);

        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(day) });
        var generated = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        var advocate = bed.As("advocacy", "advocate", "dmm");
        var view = await advocate.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting });

        foreach (var agenda in new[] { generated, view })
        {
            Assert.Equal(2, agenda.Items.Count);
            var group = agenda.Items.Single(i => i.GroupCount > 0);
            Assert.Equal(("referral-awaiting-decision", 3000), (group.Type, group.GroupCount));
            Assert.Contains("750 high, 2250 medium", group.Reason);
            Assert.InRange(agenda.CalculateSize(), 1, 3_000);
        }

        var positions = new List<int>();
        var request = new ListAgendaGroupRequest { MeetingId = meeting, Type = "referral-awaiting-decision", Page = new PageRequest { PageSize = 500 } };
        var pages = 0;
        string? firstToken = null;
        do
        {
            var page = await advocate.ListAgendaGroupAsync(request);
            pages++;
            Assert.Equal(3000, page.Page.Total);
            Assert.All(page.Items, i => Assert.Equal("referral-awaiting-decision", i.Type));
            positions.AddRange(page.Items.Select(i => i.Position));
            firstToken ??= page.Page.NextPageToken;
            request.Page.PageToken = page.Page.NextPageToken;
        }
        while (request.Page.PageToken.Length > 0);

        Assert.Equal(6, pages);
        Assert.Equal(3000, positions.Distinct().Count());
        Assert.Equal(positions.Order(), positions);
        var first = await advocate.ListAgendaGroupAsync(new ListAgendaGroupRequest { MeetingId = meeting, Type = "referral-awaiting-decision" });
        Assert.Equal(50, first.Items.Count);
        Assert.All(first.Items, i => Assert.StartsWith("CRIS-BULK-", i.CrimeReference));

        // The chair may change the threshold for this meeting; the view follows it.
        var set = await bed.Chair.SetAgendaGroupingAsync(new SetAgendaGroupingRequest { MeetingId = meeting, GroupThreshold = 1000 });
        Assert.Equal(1000, set.GroupThreshold);
        Assert.Equal(1000, (await advocate.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting })).GroupThreshold);
        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            advocate.SetAgendaGroupingAsync(new SetAgendaGroupingRequest { MeetingId = meeting, GroupThreshold = 5000 }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);

        // A new version moves positions: a token of the old one asks for a fresh start.
        await bed.Store.BulkInsertDocumentsAsync([Candidates.From(
            new CaseTieredV1(Guid.NewGuid(), "CRIS-BULK-L", Guid.NewGuid(), "s4A", 3, "high", "late (synthetic)", morning), Guid.NewGuid())!]);
        Assert.Equal(generated.Version + 1, (await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting })).Version);
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "page.page_token", () => advocate.ListAgendaGroupAsync(new ListAgendaGroupRequest
        {
            MeetingId = meeting, Type = "referral-awaiting-decision", Page = new PageRequest { PageSize = 500, PageToken = firstToken },
        }).ResponseAsync);
    }
}
