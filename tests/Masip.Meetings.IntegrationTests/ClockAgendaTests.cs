using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>Issue 16: the police clocks reach the DMM agenda through the broker; the s2A limit counts from the offence date.</summary>
public sealed class ClockAgendaTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly DateOnly Day = MeetingsBed.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow));

    [Fact]
    public async Task The_DMM_agenda_shows_an_interim_SPO_due_a_breach_response_due_and_an_s2A_limit_near()
    {
        var now = DateTimeOffset.UtcNow;
        var interim = new ClockDueV1(Guid.NewGuid(), "CRIS-CLOCK-1", Guid.NewGuid(), "interim-spo", "near", now.AddHours(8), now.AddMinutes(-5));
        var breach = new ClockDueV1(Guid.NewGuid(), "CRIS-CLOCK-2", Guid.NewGuid(), "breach-response", "past", now.AddHours(-1), now.AddMinutes(-4));
        // The first incident was almost six months ago; the case was tiered four months after it,
        // long before this meeting's look-back: only its offence date brings the warning now.
        var offence = Day.AddDays(10).AddMonths(-6);
        var tieredAt = new DateTimeOffset(offence.AddMonths(4).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var tiered = new CaseTieredV1(Guid.NewGuid(), "CRIS-CLOCK-3", Guid.NewGuid(), "s2A", 2, "medium", "synthetic review", tieredAt, offence);
        var interimItem = await bed.Publish(interim);
        var breachItem = await bed.Publish(breach);
        var tieredItem = await bed.Publish(tiered);
        await bed.Arrived("dmm", Day, [interimItem, breachItem]);
        await bed.Consumed<Masip.Meetings.Agenda.Candidates.CaseTieredConsumer>(tieredItem);

        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(Day), Chair = "Chair Person 1" });
        var agenda = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });

        var interimDue = Assert.Single(agenda.Items, i => i.ItemId == interimItem);
        var breachDue = Assert.Single(agenda.Items, i => i.ItemId == breachItem);
        var s2a = Assert.Single(agenda.Items, i => i.ItemId == $"s2a:{tiered.CaseId}");
        Assert.Equal(("clock-due", "high", "CRIS-CLOCK-1"), (interimDue.Type, interimDue.Risk, interimDue.CrimeReference));
        Assert.StartsWith("interim SPO application due by", interimDue.Reason);
        Assert.Equal(("clock-due", "high"), (breachDue.Type, breachDue.Risk));
        Assert.StartsWith("response to a breach of an order overdue since", breachDue.Reason);
        Assert.Equal(("s2a-limit-near", $"s2A time limit on {offence.AddMonths(6):yyyy-MM-dd}"), (s2a.Type, s2a.Reason));
    }
}
