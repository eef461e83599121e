using Masip.Contracts.Messages;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Agenda.Views;
using Masip.Meetings.Calendar;
using Masip.Meetings.Export;
using Xunit;

namespace Masip.Meetings.Tests;

public sealed class AgendaViewTests_Render
{
    private static readonly DateTimeOffset Overnight = Given.Now.AddHours(-10);
    private static readonly Guid VoiceReferral = Guid.NewGuid();

    private static Meeting Dmm()
    {
        var candidates = new[]
        {
            Given.Candidate(Given.Activity(Guid.NewGuid(), Overnight)),
            Given.Candidate(Given.Tiered(3, "high", Overnight)),
            Given.Candidate(new PsrDueV1(Guid.NewGuid(), Guid.NewGuid(), "Test Crown Court", Given.Day.AddDays(3), Overnight)),
            Given.Candidate(new RiskSummaryUpdatedV1(Guid.NewGuid(), Guid.NewGuid(), "high", "high", "moderate", "moderate", "fixated (synthetic)", Overnight)),
            Given.Candidate(new VictimVoiceSharedV1(VoiceReferral, "CRIS-7", "afraid to go out (synthetic)", "wants an SPO", Overnight)),
        };
        var meeting = Given.Meeting();
        return meeting.Apply((AgendaGenerated)GenerateAgendaDecision.Decide(meeting, meeting.Id, Given.Inputs(candidates), Given.Now)[0]);
    }

    private static IEnumerable<string> Values(Contracts.Meetings.AgendaReply view) =>
        view.Items.SelectMany(i => i.Contributions).Select(AgendaViews.Shown);

    [Fact]
    public void Given_a_DMM_agenda_When_rendered_for_the_advocate_Then_no_Griffin_probation_or_clinical_detail_and_it_says_where()
    {
        var view = AgendaViews.Render(Dmm(), "advocacy/advocate", Given.Agreement, new HashSet<Guid>());

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
    public void Given_a_DMM_agenda_When_rendered_for_the_chair_Then_everything_held_is_shown()
    {
        var view = AgendaViews.Render(Dmm(), "police/meeting-chair", Given.Agreement, new HashSet<Guid>());

        Assert.Empty(view.Withheld);
        Assert.Contains("stopped near the victim's address (synthetic)", Values(view));
        Assert.Contains("Test Crown Court", Values(view));
    }

    [Fact]
    public void Given_withdrawn_consent_When_rendered_for_the_chair_Then_the_victim_voice_is_withheld_and_says_why()
    {
        var view = AgendaViews.Render(Dmm(), "police/meeting-chair", Given.Agreement, new HashSet<Guid> { VoiceReferral });

        Assert.DoesNotContain("wants an SPO", Values(view));
        Assert.Contains(view.Items.SelectMany(i => i.Contributions), c => c.WithheldMarker == "[withheld: victim.voice (consent withdrawn)]");
        Assert.False(AgendaViews.ShowsVictimVoice(view));
    }

    [Fact]
    public void Given_the_advocate_view_When_exported_Then_markdown_and_html_carry_only_that_view()
    {
        var view = AgendaViews.Render(Dmm(), "advocacy/advocate", Given.Agreement, new HashSet<Guid>());

        var markdown = MeetingExport.Agenda(view, MeetingExport.Markdown);
        var html = MeetingExport.Agenda(view, MeetingExport.Html);

        Assert.Contains("[withheld: griffin.restricted]", markdown);
        Assert.DoesNotContain("victim's address", markdown);
        Assert.DoesNotContain("Test Crown Court", html);
        Assert.Contains("<section>", html);
        Assert.Contains("wants an SPO", html);
    }
}
