using Grpc.Core;
using Masip.Contracts.Meetings;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Errors;

namespace Masip.Meetings;

/// <summary>The calendar's questions: one meeting, and the dates meetings are held on.</summary>
public sealed partial class MeetingsGrpc
{
    public override async Task<MeetingReply> GetMeeting(GetMeetingRequest request, ServerCallContext context) =>
        ToReply(await Load(Require.Id(request.MeetingId, "meeting_id"), context));

    public override Task<ScheduleReply> GetSchedule(GetScheduleRequest request, ServerCallContext context)
    {
        var type = Require.OneOf(request.Type, "type", MeetingTypes.All);
        var from = Require.Date(request.From, "from");
        var to = Require.Date(request.To, "to");
        if (to < from || to.DayNumber - from.DayNumber > 366)
            throw new InvalidFieldException("to", "must be on or after from, and at most 366 days after it");
        var reply = new ScheduleReply();
        reply.Dates.AddRange(calendar.Dates(type, from, to).Select(Formats.Date));
        return Task.FromResult(reply);
    }
}
