namespace Masip.Meetings;

/// <summary>Names this service: its database (masip_meetings), queues (meetings-...) and telemetry.</summary>
public sealed class MeetingsHost
{
    public const string Name = "meetings";
}
