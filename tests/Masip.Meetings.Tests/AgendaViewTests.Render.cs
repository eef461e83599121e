using Masip.Contracts.Messages;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.Meetings.Export;
using Xunit;

namespace Masip.Meetings.Tests;

public sealed class AgendaViewTests_Render
{
    private static readonly DateTimeOffset Overnight = Given.Now.AddHours(-10);
    private static readonly Guid VoiceReferral = Guid.NewGuid();
    private static readonly Guid Nominal = Guid.NewGuid();
    private static readonly NominalActivityV1 Alert = Given.Activity(Nominal, Overnight);
    private static readonly CaseTieredV1 Tiered = Given.Tiered(3, "high", Overnight) with { Reason = "TIER REASON: threats to kill (synthetic)" };

    private static Meeting Dmm() => Given.WithAgenda(
    [
        Given.Candidate(Alert),
        Given.Candidate(Tiered),
        Given.Candidate(new PsrDueV1(Guid.NewGuid(), Guid.NewGuid(), "Test Crown Court", Given.Day.AddDays(3), Overnight)),
        Given.Candidate(new RiskSummaryUpdatedV1(Guid.NewGuid(), Guid.NewGuid(), "high", "high", "moderate", "moderate", "fixated (synthetic)", Overnight)),
        Given.Candidate(new VictimVoiceSharedV1(VoiceReferral, "CRIS-7", "afraid to go out (synthetic)", "wants an SPO", Overnight), sequence: 10),
    ]);

    private static IEnumerable<string> Values(Contracts.Meetings.AgendaReply view) =>
        view.Items.SelectMany(i => i.Contributions).Select(AgendaViews.Shown);

    private static VoiceWithdrawals Withdrawn(long? at) => VoiceWithdrawals.Of([new VoiceWithdrawal(VoiceReferral, Given.Now, at)]);

    [Fact]
    public void Given_a_DMM_agenda_When_rendered_for_the_advocate_Then_no_Griffin_probation_or_clinical_detail_and_it_says_where()
    {
        var view = AgendaViews.Render(Dmm(), "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None);

        Assert.Equal(5, view.Items.Count);
        var griffin = view.Items.Single(i => i.Type == "withheld");
        Assert.Equal("[withheld: griffin.restricted]", griffin.Reason);
        Assert.Empty(griffin.Contributions);
        Assert.Empty(griffin.Sources);
        Assert.DoesNotContain(Values(view), v => v.Contains("victim's address") || v.Contains("Test Crown Court"));
        Assert.All(view.Items.SelectMany(i => i.Contributions), c => Assert.Equal("", c.GriffinRestricted + c.ProbationRecord + c.PoliceIntelligence));
        Assert.Contains("items[0]: griffin.restricted", view.Withheld);
        Assert.Contains(view.Items.SelectMany(i => i.Contributions), c => c.WithheldMarker == "[withheld: probation.record]");
        // The agreement lets advocates see the NHS risk summary and the victim's own voice at the DMM.
        Assert.Contains("fixated (synthetic)", Values(view));
        Assert.Contains("wants an SPO", Values(view));
    }

    [Fact]
    public void Given_a_Griffin_alert_on_the_DMM_When_rendered_for_the_advocate_Then_the_item_says_only_that_something_is_withheld_and_where()
    {
        var view = AgendaViews.Render(Dmm(), "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None);

        var withheld = view.Items.Single(i => i.Type == AgendaViews.WithheldType);
        Assert.Equal(new Contracts.Meetings.AgendaItemReply { Position = 1, Type = "withheld", Reason = "[withheld: griffin.restricted]" }, withheld);
        var text = view.ToString();
        foreach (var secret in new[] { Nominal.ToString(), Alert.NominalId.ToString(), "CRIS-9001", "griffin-alert", nameof(NominalActivityV1), "victim's address" })
            Assert.DoesNotContain(secret, text);
        Assert.DoesNotContain(Dmm().Agenda[0].ItemId, text);
    }

    [Fact]
    public void Given_a_newly_tiered_case_When_rendered_Then_the_tier_reason_reaches_the_chair_but_never_the_advocate()
    {
        var chair = AgendaViews.Render(Dmm(), "police/meeting-chair", Given.Agreement, VoiceWithdrawals.None);
        var advocate = AgendaViews.Render(Dmm(), "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None);

        Assert.Contains(chair.Items.Single(i => i.Type == "newly-tiered").Contributions,
            c => c.Name == "reason" && c.PoliceIntelligence == Tiered.Reason);
        var tiered = advocate.Items.Single(i => i.Type == "newly-tiered");
        Assert.Contains(tiered.Contributions, c => c.Name == "reason" && c.WithheldMarker == "[withheld: police.intelligence]" && c.PoliceIntelligence == "");
        Assert.DoesNotContain("TIER REASON", advocate.ToString());
        Assert.Contains($"items[{advocate.Items.IndexOf(tiered)}].reason: police.intelligence", advocate.Withheld);
    }

    [Fact]
    public void Given_a_DMM_agenda_When_rendered_for_the_chair_Then_everything_held_is_shown()
    {
        var view = AgendaViews.Render(Dmm(), "police/meeting-chair", Given.Agreement, VoiceWithdrawals.None);

        Assert.Empty(view.Withheld);
        Assert.Contains("stopped near the victim's address (synthetic)", Values(view));
        Assert.Contains("Test Crown Court", Values(view));
    }

    [Fact]
    public void Given_withdrawn_consent_When_rendered_for_the_chair_Then_the_victim_voice_is_withheld_and_says_why()
    {
        var view = AgendaViews.Render(Dmm(), "police/meeting-chair", Given.Agreement, Withdrawn(20));

        Assert.DoesNotContain("wants an SPO", Values(view));
        Assert.Contains(view.Items.SelectMany(i => i.Contributions), c => c.WithheldMarker == "[withheld: victim.voice (consent withdrawn)]");
        Assert.False(AgendaViews.ShowsVictimVoice(view.Items));
    }

    [Fact]
    public void Given_a_withdrawal_When_the_voice_was_shared_after_it_Then_that_voice_shows_and_an_unplaced_withdrawal_withholds_any()
    {
        Assert.Contains("wants an SPO", Values(AgendaViews.Render(Dmm(), "police/meeting-chair", Given.Agreement, Withdrawn(5))));
        Assert.DoesNotContain("wants an SPO", Values(AgendaViews.Render(Dmm(), "police/meeting-chair", Given.Agreement, Withdrawn(null))));
        Assert.True(new VoiceWithdrawal(VoiceReferral, Given.Now, 20).Withholds(null));
    }

    [Fact]
    public void Given_the_advocate_view_When_exported_Then_markdown_and_html_carry_only_that_view()
    {
        var view = AgendaViews.Render(Dmm(), "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None);

        var markdown = MeetingExport.Agenda(view, MeetingExport.Markdown);
        var html = MeetingExport.Agenda(view, MeetingExport.Html);

        Assert.Contains("[withheld: griffin.restricted]", markdown);
        Assert.DoesNotContain("victim's address", markdown);
        Assert.DoesNotContain("Test Crown Court", html);
        Assert.Contains("<section>", html);
        Assert.Contains("wants an SPO", html);
    }

    [Fact]
    public void Given_a_discussion_on_a_Griffin_item_When_the_advocate_minutes_are_exported_Then_the_item_is_named_by_position_only()
    {
        var meeting = Dmm();
        var griffinItem = meeting.Agenda[0].ItemId;
        meeting = meeting.Apply(new DiscussionRecorded(meeting.Id, griffinItem, "nominal seen near the victim (synthetic)", Given.Now));
        var view = AgendaViews.Render(meeting, "advocacy/advocate", Given.Agreement, VoiceWithdrawals.None);

        var minutes = MeetingExport.Minutes(meeting, view, [], Given.Agreement, MeetingExport.Markdown);

        Assert.Contains("Item at position 1: [withheld: griffin.restricted]", minutes);
        Assert.DoesNotContain(griffinItem, minutes);
        Assert.DoesNotContain("nominal seen", minutes);
    }
}
