using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Meetings.Tests;

public sealed class MeetingTests_ScheduleMeeting
{
    private static readonly MeetingCalendar Calendar = new() { Holidays = [new DateOnly(2026, 12, 25)] };

    private static ScheduleMeeting Command(string type, DateOnly date, params Attendee[] attendees) =>
        new(Given.MeetingId, type, date, "Chair Person 1", attendees);

    [Fact]
    public void Given_no_meeting_When_scheduling_a_DMM_on_a_working_day_Then_it_is_scheduled()
    {
        var attendee = new Attendee("advocacy", "advocate", "Test Advocate 1");
        var events = ScheduleMeetingDecision.Decide(null, Command(MeetingTypes.Dmm, Given.Day, attendee), Calendar, Given.Chair, Given.Now);

        var scheduled = Assert.IsType<MeetingScheduled>(Assert.Single(events));
        Assert.Equal((Given.MeetingId, "dmm", Given.Day, "Chair Person 1", Given.Chair.Subject, Given.Now),
            (scheduled.MeetingId, scheduled.Type, scheduled.Date, scheduled.Chair, scheduled.ScheduledBy, scheduled.ScheduledAt));
        Assert.Equal([attendee], scheduled.Attendees);
    }

    [Fact]
    public void Given_no_chair_named_When_scheduling_Then_the_caller_chairs_and_a_named_chair_is_recorded_beside_the_caller()
    {
        var own = Assert.IsType<MeetingScheduled>(Assert.Single(ScheduleMeetingDecision.Decide(null,
            Command(MeetingTypes.Dmm, Given.Day) with { Chair = null }, Calendar, Given.Chair, Given.Now)));
        var forColleague = Assert.IsType<MeetingScheduled>(Assert.Single(ScheduleMeetingDecision.Decide(null,
            Command(MeetingTypes.Dmm, Given.Day) with { Chair = "Chair Person 2" }, Calendar, Given.Chair, Given.Now)));

        Assert.Equal((Given.Chair.Subject, Given.Chair.Subject), (own.Chair, own.ScheduledBy));
        Assert.Equal(("Chair Person 2", Given.Chair.Subject), (forColleague.Chair, forColleague.ScheduledBy));
        // Scheduling it again without naming the chair is the same meeting only for the chair it names.
        Assert.Empty(ScheduleMeetingDecision.Decide(Meeting.Create(own), Command(MeetingTypes.Dmm, Given.Day) with { Chair = null }, Calendar, Given.Chair, Given.Now));
        Assert.Throws<DuplicateRecordException>(() => ScheduleMeetingDecision.Decide(Meeting.Create(forColleague),
            Command(MeetingTypes.Dmm, Given.Day) with { Chair = null }, Calendar, Given.Chair, Given.Now));
    }

    [Fact]
    public void Given_no_meeting_When_scheduling_a_DMM_on_a_Saturday_or_holiday_Then_it_is_refused_naming_date()
    {
        var saturday = Assert.Throws<RuleViolationException>(() =>
            ScheduleMeetingDecision.Decide(null, Command(MeetingTypes.Dmm, new DateOnly(2026, 11, 28)), Calendar, Given.Chair, Given.Now));
        var holiday = Assert.Throws<RuleViolationException>(() =>
            ScheduleMeetingDecision.Decide(null, Command(MeetingTypes.Dmm, new DateOnly(2026, 12, 25)), Calendar, Given.Chair, Given.Now));

        Assert.Equal("date", saturday.Field);
        Assert.Equal("date", holiday.Field);
    }

    [Fact]
    public void Given_no_meeting_When_scheduling_Griffin_with_an_advocate_Then_it_is_refused_naming_the_attendee()
    {
        var error = Assert.Throws<RuleViolationException>(() => ScheduleMeetingDecision.Decide(null, Command(MeetingTypes.Griffin, Given.Day,
            new Attendee("police", "stac-officer", "Test Officer 1"), new Attendee("advocacy", "advocate", "Test Advocate 1")), Calendar, Given.Chair, Given.Now));

        Assert.Equal("attendees[1].agency", error.Field);
    }

    [Fact]
    public void Given_a_Griffin_meeting_When_adding_an_advocate_Then_it_is_refused()
    {
        var meeting = Given.Meeting(MeetingTypes.Griffin);

        var error = Assert.Throws<RuleViolationException>(() =>
            AddAttendeeDecision.Decide(meeting, new AddAttendee(meeting.Id, new Attendee("advocacy", "advocate", "Test Advocate 1")), Given.Now));

        Assert.Equal("attendee.agency", error.Field);
    }

    [Fact]
    public void Given_a_meeting_When_scheduling_it_again_the_same_Then_nothing_changes_and_a_different_one_is_refused()
    {
        var meeting = Meeting.Create((MeetingScheduled)ScheduleMeetingDecision.Decide(null, Command(MeetingTypes.Dmm, Given.Day), Calendar, Given.Chair, Given.Now)[0]);

        Assert.Empty(ScheduleMeetingDecision.Decide(meeting, Command(MeetingTypes.Dmm, Given.Day), Calendar, Given.Chair, Given.Now));
        var error = Assert.Throws<DuplicateRecordException>(() =>
            ScheduleMeetingDecision.Decide(meeting, Command(MeetingTypes.Dmm, Given.Day.AddDays(1)), Calendar, Given.Chair, Given.Now));
        Assert.Equal("meeting_id", error.Field);
    }

    [Fact]
    public void Given_a_cadence_When_listing_dates_Then_DMM_is_working_days_and_Griffin_every_cadence()
    {
        var calendar = new MeetingCalendar { GriffinFirstDate = new DateOnly(2026, 11, 3), GriffinCadenceDays = 14 };

        Assert.Equal(5, calendar.Dates("dmm", new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 29)).Count());
        Assert.Equal([new DateOnly(2026, 11, 3), new DateOnly(2026, 11, 17), new DateOnly(2026, 12, 1)],
            calendar.Dates("griffin", new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 10)));
    }
}
