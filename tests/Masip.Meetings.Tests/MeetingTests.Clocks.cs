using Masip.Contracts.Messages;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Generating;
using Xunit;

namespace Masip.Meetings.Tests;

/// <summary>Issue 16: the police clocks on the DMM agenda, and the s2A limit counted from the offence date.</summary>
public sealed class MeetingTests_Clocks
{
    private static ClockDueV1 Clock(string kind, string status, DateTimeOffset dueAt) =>
        new(Guid.NewGuid(), $"CRIS-{Random.Shared.Next(1000, 9999)}", Guid.NewGuid(), kind, status, dueAt, Given.Now.AddHours(-2));

    [Fact]
    public void The_DMM_agenda_shows_an_interim_SPO_due_a_breach_response_due_and_an_s2A_limit_near()
    {
        // Offence on 2026-05-28: the limit is 2026-11-28, three days after the meeting. The case was
        // tiered five months after the offence; counted from the tiering, the limit would be in April.
        var offence = new DateOnly(2026, 5, 28);
        var tiered = Given.Tiered(2, "medium", new DateTimeOffset(2026, 10, 28, 9, 0, 0, TimeSpan.Zero), offence: "s2A") with { OffenceDate = offence };
        var interim = Clock("interim-spo", "near", Given.Now.AddHours(6));
        var breach = Clock("breach-response", "past", Given.Now.AddHours(-1));

        var items = AgendaBuilder.Build(Given.Meeting(), Given.Inputs([Given.Candidate(tiered), Given.Candidate(interim), Given.Candidate(breach)]));

        var clocks = items.Where(i => i.Type == ItemTypes.ClockDue).ToList();
        Assert.Equal(2, clocks.Count);
        Assert.Contains(clocks, i => i.CaseId == interim.CaseId && i.Reason.StartsWith("interim SPO application due by", StringComparison.Ordinal));
        Assert.Contains(clocks, i => i.CaseId == breach.CaseId && i.Reason.StartsWith("response to a breach of an order overdue since", StringComparison.Ordinal));
        Assert.All(clocks, i => Assert.Equal(Risks.High, i.Risk));
        var s2a = Assert.Single(items, i => i.Type == ItemTypes.S2ALimitNear);
        Assert.Equal((tiered.CaseId, "s2A time limit on 2026-11-28"), (s2a.CaseId, s2a.Reason));
    }

    [Fact]
    public void The_s2A_warning_opens_28_days_before_the_limit_from_the_offence_date_of_a_case_tiered_5_months_later()
    {
        var offence = new DateOnly(2026, 3, 10);
        var tieredAt = new DateTimeOffset(offence.AddMonths(5).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var tiered = Given.Candidate(Given.Tiered(2, "medium", tieredAt, offence: "s2A") with { OffenceDate = offence });
        var limit = offence.AddMonths(6);

        bool Warned(DateOnly day) => AgendaBuilder.Build(Given.Meeting(date: day), Given.Inputs([tiered])).Any(i => i.Type == ItemTypes.S2ALimitNear);

        Assert.True(Warned(limit.AddDays(-28)));
        Assert.False(Warned(limit.AddDays(-29)));
        Assert.True(Warned(limit));
        Assert.False(Warned(limit.AddDays(1)));
    }

    [Fact]
    public void An_s2A_clock_message_adds_nothing_the_tiering_message_does_not_already_bring()
    {
        Assert.Null(Masip.Meetings.Agenda.Candidates.Candidates.From(Clock("s2a-limit", "near", Given.Now.AddDays(10)), Guid.NewGuid()));
    }
}

public sealed class MeetingTests_GriffinReviews
{
    [Fact]
    public void A_nominal_review_due_is_a_Griffin_alert_on_the_Griffin_agenda_and_restricted_to_Griffin_business()
    {
        var perpetrator = Guid.NewGuid();
        var due = new NominalReviewDueV1(Guid.NewGuid(), perpetrator, Given.Day.AddDays(10), "due", Given.Now.AddHours(-3));
        var overdue = new NominalReviewDueV1(Guid.NewGuid(), Guid.NewGuid(), Given.Day.AddDays(-2), "overdue", Given.Now.AddHours(-2));

        var items = AgendaBuilder.Build(Given.Meeting(Masip.Meetings.Calendar.MeetingTypes.Griffin),
            Given.Inputs([Given.Candidate(due), Given.Candidate(overdue)]));

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal((ItemTypes.GriffinAlert, "griffin.restricted"), (i.Type, i.ItemClass)));
        Assert.Equal($"Griffin review overdue since {Given.Day.AddDays(-2):yyyy-MM-dd}", items[0].Reason);
        Assert.Equal(Risks.High, items[0].Risk);
        Assert.Equal((perpetrator, $"Griffin review due {Given.Day.AddDays(10):yyyy-MM-dd}"), (items[1].PerpetratorId!.Value, items[1].Reason));
    }
}
