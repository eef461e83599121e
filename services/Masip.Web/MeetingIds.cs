using System.Globalization;
using Masip.Contracts.Meetings;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Web;

/// <summary>
/// A meeting is named by its type and date (as in the CLI): the platform's name-based id
/// ("meeting", "TYPE:DATE"), so the console's URLs carry a type and a date, never a person.
/// </summary>
public static class MeetingIds
{
    public static Guid For(string type, DateOnly date) =>
        DeterministicId.For("meeting", $"{type}:{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    /// <summary>The meeting with the usual attendees (the synthetic users of the sign-in page), chaired by the caller.</summary>
    public static ScheduleMeetingRequest ScheduleRequest(string type, DateOnly date, string chair)
    {
        var request = new ScheduleMeetingRequest
        {
            MeetingId = For(type, date).ToString(),
            Type = type,
            Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        request.Attendees.Add(new Attendee { Agency = "police", Role = "meeting-chair", Person = chair });
        request.Attendees.Add(new Attendee { Agency = "police", Role = "stac-officer", Person = "dev-police-stac-officer" });
        request.Attendees.Add(new Attendee { Agency = "probation", Role = "probation-officer", Person = "dev-probation-probation-officer" });
        request.Attendees.Add(new Attendee { Agency = "nhs", Role = "clinician", Person = "dev-nhs-clinician" });
        if (type == "dmm")
            request.Attendees.Add(new Attendee { Agency = "advocacy", Role = "advocate", Person = "dev-advocacy-advocate" });
        return request;
    }

    public static bool TryParse(string type, string date, out DateOnly day) =>
        DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && type is "dmm" or "griffin";
}
