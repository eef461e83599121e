using Google.Protobuf;
using Masip.Contracts.Messages;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Grouping;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Xunit;

namespace Masip.Meetings.Tests;

/// <summary>Issue 14.6: many items of one kind are one group entry with a count, listed a page at a time.</summary>
public sealed class AgendaViewTests_Grouping
{
    private static readonly DateTimeOffset Overnight = Given.Now.AddHours(-10);

    private static ReferralAwaitingDecisionV1 Pending(int n) => new(Guid.NewGuid(), ReferralAwaitingDecisionV1.Advocacy, "police",
        $"CRIS-P-{n:0000}", null, null, n % 3 == 0 ? "high" : null, Overnight.AddSeconds(n));

    private static Meeting Dmm(int pending, params object[] others) =>
        Given.WithAgenda([.. Enumerable.Range(0, pending).Select(n => Given.Candidate(Pending(n))), .. others.Select(m => Given.Candidate(m))]);

    [Fact]
    public void Given_3000_pending_referrals_When_the_advocate_views_the_DMM_Then_they_are_one_entry_with_their_count_and_the_view_stays_small()
    {
        var meeting = Dmm(3000, Given.Tiered(3, "high", Overnight), Given.Activity(Guid.NewGuid(), Overnight));

        var view = AgendaViews.Render(meeting, "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None);

        Assert.Equal(3, view.Items.Count);
        var group = Assert.Single(view.Items, i => i.GroupCount > 0);
        Assert.Equal((ItemTypes.ReferralAwaitingDecision, 3000, "high", ""), (group.Type, group.GroupCount, group.Risk, group.ItemId));
        Assert.Equal("3000 items of this kind (1000 high, 2000 medium): listed by ListAgendaGroup", group.Reason);
        Assert.Equal(meeting.Agenda.Select((item, index) => (item, index)).First(x => x.item.Type == ItemTypes.ReferralAwaitingDecision).index + 1, group.Position);
        Assert.InRange(view.CalculateSize(), 1, 2_000);
        Assert.Equal(Meeting.DefaultGroupThreshold, view.GroupThreshold);
    }

    [Fact]
    public void Given_as_many_items_of_a_kind_as_the_threshold_When_viewed_Then_each_shows_and_one_more_makes_a_group()
    {
        const int threshold = Meeting.DefaultGroupThreshold;
        Assert.Equal(threshold, AgendaViews.Render(Dmm(threshold), "police/meeting-chair", Given.Agreement, VoiceWithdrawals.None).Items.Count(i => i.GroupCount == 0));
        Assert.Equal(threshold + 1, Assert.Single(AgendaViews.Render(Dmm(threshold + 1), "police/meeting-chair", Given.Agreement, VoiceWithdrawals.None).Items).GroupCount);
    }

    [Fact]
    public void Given_a_group_When_listed_page_by_page_Then_every_item_comes_once_in_agenda_order()
    {
        var meeting = Dmm(3000);
        var seen = new List<int>();
        var after = 0;
        for (var pages = 1; ; pages++)
        {
            var (page, total, next) = AgendaViews.RenderGroup(meeting, "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None,
                ItemTypes.ReferralAwaitingDecision, after, 500);
            Assert.Equal(3000, total);
            seen.AddRange(page.Items.Select(i => i.Position));
            Assert.All(page.Items, i => Assert.Equal(ItemTypes.ReferralAwaitingDecision, i.Type));
            if (next is null)
            {
                Assert.Equal(6, pages);
                break;
            }
            after = next.Value;
        }

        Assert.Equal(Enumerable.Range(1, 3000), seen);
    }

    [Fact]
    public void Given_withheld_items_of_one_kind_When_viewed_or_listed_by_that_kind_Then_they_are_never_grouped_or_counted_under_it()
    {
        var meeting = Given.WithAgenda(Enumerable.Range(0, 25).Select(_ => Given.Candidate(Given.Activity(Guid.NewGuid(), Overnight))));

        var view = AgendaViews.Render(meeting, "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None);
        var (page, total, _) = AgendaViews.RenderGroup(meeting, "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None, ItemTypes.GriffinAlert, 0, 50);

        Assert.Equal(25, view.Items.Count);
        Assert.All(view.Items, i => Assert.Equal(("withheld", 0), (i.Type, i.GroupCount)));
        Assert.Equal(Enumerable.Range(1, 25), view.Items.Select(i => i.Position));
        Assert.Equal(0, total);
        Assert.Empty(page.Items);
        Assert.Equal(25, AgendaViews.Render(meeting, "police/meeting-chair", Given.Agreement, VoiceWithdrawals.None).Items.Single().GroupCount);
    }

    [Fact]
    public void Given_a_meeting_When_the_chair_sets_the_threshold_Then_it_is_recorded_once_with_the_chair_and_views_follow_it()
    {
        var meeting = Dmm(30);

        var set = Assert.IsType<AgendaGroupingSet>(Assert.Single(SetAgendaGroupingDecision.Decide(meeting, new SetAgendaGrouping(meeting.Id, 50), Given.Chair, Given.Now)));
        var wider = meeting.Apply(set);

        Assert.Equal((50, Given.Chair.Subject), (set.GroupThreshold, set.SetBy));
        Assert.Empty(SetAgendaGroupingDecision.Decide(wider, new SetAgendaGrouping(meeting.Id, 50), Given.Chair, Given.Now));
        Assert.Empty(SetAgendaGroupingDecision.Decide(meeting, new SetAgendaGrouping(meeting.Id, Meeting.DefaultGroupThreshold), Given.Chair, Given.Now));
        Assert.Equal(30, AgendaViews.Render(wider, "police/meeting-chair", Given.Agreement, VoiceWithdrawals.None).Items.Count);
        Assert.Single(AgendaViews.Render(meeting, "police/meeting-chair", Given.Agreement, VoiceWithdrawals.None).Items);
    }
}
