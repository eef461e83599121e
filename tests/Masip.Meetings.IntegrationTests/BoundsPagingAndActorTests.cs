using Grpc.Core;
using Marten;
using Masip.Contracts.Common;
using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Masip.Testing;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>
/// Bounds declared in meetings.proto are checked before any handler (issue 14.2); open actions
/// page through soonest due first (14.5); whoever acts is the token's subject, never a request
/// field (12.2).
/// </summary>
public sealed class BoundsPagingAndActorTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly DateOnly Day = MeetingsBed.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<(string Meeting, string Item)> MeetingWithAgenda(Contracts.Meetings.Meetings.MeetingsClient chair)
    {
        var item = await bed.Publish(new CaseTieredV1(Guid.NewGuid(), "CRIS-BPA-" + Random.Shared.Next(1000, 9999), Guid.NewGuid(), "s4A", 2, "medium",
            "review (synthetic)", DateTimeOffset.UtcNow.AddMinutes(-5)));
        await bed.Arrived("dmm", Day, [item]);
        var meeting = Guid.NewGuid().ToString();
        await chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(Day) });
        await chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        return (meeting, item);
    }

    [Fact]
    public async Task An_oversized_list_an_absurd_date_and_a_NUL_are_refused_naming_the_field_and_nothing_is_stored()
    {
        var id = Guid.NewGuid().ToString();
        var crowd = new ScheduleMeetingRequest { MeetingId = id, Type = "dmm", Date = MeetingsBed.Day(Day) };
        crowd.Attendees.AddRange(Enumerable.Range(0, 10_000).Select(n => new Attendee { Agency = "police", Role = "stac-officer", Person = $"Officer {n}" }));

        var tooMany = await MeetingsBed.Refused(StatusCode.InvalidArgument, "attendees", () => bed.Chair.ScheduleMeetingAsync(crowd).ResponseAsync);
        Assert.Equal("attendees: at most 30 items; got 10000", tooMany.Status.Detail);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "date", () => bed.Chair.ScheduleMeetingAsync(
            new ScheduleMeetingRequest { MeetingId = id, Type = "dmm", Date = "0001-01-01" }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "date", () => bed.Chair.ScheduleMeetingAsync(
            new ScheduleMeetingRequest { MeetingId = id, Type = "dmm", Date = "9999-12-31" }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "chair", () => bed.Chair.ScheduleMeetingAsync(
            new ScheduleMeetingRequest { MeetingId = id, Type = "dmm", Date = MeetingsBed.Day(Day), Chair = "Chair\0Person" }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "meeting_id", () => bed.Chair.ScheduleMeetingAsync(
            new ScheduleMeetingRequest { MeetingId = "meeting-1", Type = "dmm", Date = MeetingsBed.Day(Day) }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.NotFound, "meeting_id", () => bed.Chair.GetMeetingAsync(new GetMeetingRequest { MeetingId = id }).ResponseAsync);

        var (meeting, item) = await MeetingWithAgenda(bed.Chair);
        var absurd = await MeetingsBed.Refused(StatusCode.InvalidArgument, "due_date", () => bed.Chair.AssignActionAsync(new AssignActionRequest
        {
            ActionId = Guid.NewGuid().ToString(), MeetingId = meeting, ItemId = item, Description = "call the OIC", OwnerAgency = "police",
            Assignee = "Test Officer 1", DueDate = "0001-01-01",
        }).ResponseAsync);
        Assert.StartsWith("due_date: must not be before", absurd.Status.Detail);
        var nul = await MeetingsBed.Refused(StatusCode.InvalidArgument, "summary", () => bed.Chair.RecordDiscussionAsync(
            new RecordDiscussionRequest { MeetingId = meeting, ItemId = item, Summary = "agreed\0 to refer" }).ResponseAsync);
        Assert.Equal("summary: must not contain a NUL character", nul.Status.Detail);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "group_threshold", () => bed.Chair.SetAgendaGroupingAsync(
            new SetAgendaGroupingRequest { MeetingId = meeting, GroupThreshold = 100_000 }).ResponseAsync);
        var unchanged = await bed.Chair.GetMeetingAsync(new GetMeetingRequest { MeetingId = meeting });
        Assert.Empty(unchanged.Discussions);
        Assert.Equal(20, unchanged.GroupThreshold);
    }

    [Fact]
    public async Task The_chair_who_acts_is_the_tokens_subject_in_the_reply_the_event_and_the_message()
    {
        var chair = bed.As("police", "meeting-chair", "dmm", subject: "chair-sub-7");
        var (meeting, item) = await MeetingWithAgenda(chair);

        var scheduled = await chair.GetMeetingAsync(new GetMeetingRequest { MeetingId = meeting });
        Assert.Equal(("chair-sub-7", "chair-sub-7"), (scheduled.Chair, scheduled.ScheduledBy));
        var action = await chair.AssignActionAsync(new AssignActionRequest
        {
            ActionId = Guid.NewGuid().ToString(), MeetingId = meeting, ItemId = item, Description = "share the licence conditions",
            OwnerAgency = "probation", Assignee = "Test Officer 2", DueDate = MeetingsBed.Day(Day.AddDays(3)),
        });
        Assert.Equal(("Test Officer 2", "chair-sub-7"), (action.Assignee, action.AssignedBy));
        await using (var session = bed.Store.QuerySession())
        {
            var events = await session.Events.FetchStreamAsync(Guid.Parse(action.ActionId));
            Assert.Equal("chair-sub-7", Assert.Single(events).UserName);
        }

        var decision = Guid.NewGuid().ToString();
        var decided = await chair.RecordDecisionAsync(new RecordDecisionRequest
        {
            MeetingId = meeting, DecisionId = decision, ItemId = item, Kind = "refer", OwnerAgency = "nhs", Detail = "assessment",
        });
        Assert.Equal("chair-sub-7", decided.Decisions.Single(d => d.DecisionId == decision).DecidedBy);
        var message = await Eventually.ValueAsync(() => Task.FromResult(bed.Decisions.FirstOrDefault(d => d.DecisionId.ToString() == decision)),
            TimeSpan.FromSeconds(30), "the decision message");
        Assert.Equal("chair-sub-7", message.DecidedBy);
    }

    [Fact]
    public async Task Open_actions_page_through_soonest_due_first_and_completing_one_between_pages_skips_nothing()
    {
        var (meeting, item) = await MeetingWithAgenda(bed.Chair);
        var due = new Dictionary<string, string>();
        for (var n = 0; n < 120; n++)
        {
            var reply = await bed.Chair.AssignActionAsync(new AssignActionRequest
            {
                ActionId = Guid.NewGuid().ToString(), MeetingId = meeting, ItemId = item, Description = $"follow-up {n}", OwnerAgency = "nhs",
                Assignee = "Test Clinician 1", DueDate = MeetingsBed.Day(Day.AddDays(n % 17)),
            });
            due[reply.ActionId] = reply.DueDate;
        }
        var expected = due.OrderBy(a => a.Value, StringComparer.Ordinal).ThenBy(a => Guid.Parse(a.Key).ToString("N"), StringComparer.Ordinal)
            .Select(a => a.Key).ToList();
        var clinician = bed.As("nhs", "clinician", "dmm");
        var request = new ListOpenActionsRequest { OwnerAgency = "nhs", Assignee = "Test Clinician 1", Page = new PageRequest { PageSize = 50 } };

        var listed = new List<string>();
        var first = await clinician.ListOpenActionsAsync(request);
        Assert.Equal((50, 120L), (first.Actions.Count, first.Page.Total));
        listed.AddRange(first.Actions.Select(a => a.ActionId));
        // Completed between pages: the next pages start after the last one shown, so nothing is skipped.
        await clinician.CompleteActionAsync(new CompleteActionRequest { ActionId = first.Actions[0].ActionId });
        request.Page.PageToken = first.Page.NextPageToken;
        while (request.Page.PageToken.Length > 0)
        {
            var page = await clinician.ListOpenActionsAsync(request);
            Assert.Equal(119, page.Page.Total);
            listed.AddRange(page.Actions.Select(a => a.ActionId));
            request.Page.PageToken = page.Page.NextPageToken;
        }

        Assert.Equal(expected, listed);
        await MeetingsBed.Refused(StatusCode.InvalidArgument, "page.page_token", () => clinician.ListOpenActionsAsync(
            new ListOpenActionsRequest { Page = new PageRequest { PageToken = "bm90LWEtdG9rZW4" } }).ResponseAsync);
    }
}
