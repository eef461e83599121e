using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>The Griffin meeting: police, probation and NHS only, Griffin-relevant items only.</summary>
public sealed class GriffinTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    [Fact]
    public async Task The_Griffin_agenda_holds_only_Griffin_items_and_probation_sees_them_for_the_griffin_purpose()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow);
        var at = DateTimeOffset.UtcNow.AddMinutes(-20);
        var nominal = Guid.NewGuid();
        var added = await bed.Publish(new NominalAddedV1(Guid.NewGuid(), nominal, "Test Person 40", "99/400000X", "escalating", day.AddMonths(3), at));
        var release = await bed.Publish(new ReleaseDueV1(nominal, day.AddDays(14), "no contact with the victim (synthetic)", at));
        var other = await bed.Publish(new ReleaseDueV1(Guid.NewGuid(), day.AddDays(14), null, at));
        var declined = await bed.Publish(new AdvocacyReferralDecidedV1(Guid.NewGuid(), "CRIS-G-1", false, null, at));
        var griffinChair = bed.As("police", "meeting-chair", "griffin");
        await bed.Arrived("griffin", day, [added, release], "griffin");
        await bed.Arrived("dmm", day, [other, declined]);

        var meeting = Guid.NewGuid().ToString();
        await griffinChair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "griffin", Date = MeetingsBed.Day(day), Chair = "Chair Person 2" });
        var agenda = await griffinChair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });

        Assert.Contains(agenda.Items, i => i.ItemId == added);
        Assert.Contains(agenda.Items, i => i.ItemId == release);
        Assert.DoesNotContain(agenda.Items, i => i.ItemId == other || i.ItemId == declined);

        var probation = bed.As("probation", "probation-officer", "griffin");
        var view = await probation.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "probation", AttendeeRole = "probation-officer" });
        Assert.Contains("Test Person 40", view.ToString());
        Assert.Empty(view.WithheldFields);

        // No advocate at Griffin: not as an attendee, not as a view.
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "attendee.agency", () => griffinChair.AddAttendeeAsync(new AddAttendeeRequest
        {
            MeetingId = meeting, Attendee = new Attendee { Agency = "advocacy", Role = "advocate", Person = "Test Advocate 1" },
        }).ResponseAsync);
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "attendee_agency", () => griffinChair.GetAgendaViewAsync(new GetAgendaViewRequest
        {
            MeetingId = meeting, AttendeeAgency = "advocacy", AttendeeRole = "advocate",
        }).ResponseAsync);
        var unchanged = await griffinChair.GetMeetingAsync(new GetMeetingRequest { MeetingId = meeting });
        Assert.Empty(unchanged.Attendees);
        // A Griffin decision's detail is served in its own class (griffin.restricted), never as a case summary.
        var decided = await griffinChair.RecordDecisionAsync(new RecordDecisionRequest
        {
            MeetingId = meeting, DecisionId = Guid.NewGuid().ToString(), ItemId = added, Kind = "refer", OwnerAgency = "nhs", Detail = "escalating: assess",
        });
        Assert.Equal(("", "escalating: assess"), (decided.Decisions.Single().Detail, decided.Decisions.Single().GriffinDetail));
        // A Griffin view asked for the DMM purpose is refused rather than silently emptied.
        await MeetingsBed.Refused(StatusCode.FailedPrecondition, "purpose", () => bed.As("probation", "probation-officer", "dmm").GetAgendaViewAsync(
            new GetAgendaViewRequest { MeetingId = meeting, AttendeeAgency = "probation", AttendeeRole = "probation-officer" }).ResponseAsync);
    }
}
