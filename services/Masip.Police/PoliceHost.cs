namespace Masip.Police;

/// <summary>Names this service: its database (masip_police), queues (police-...) and telemetry.</summary>
public sealed class PoliceHost
{
    public const string Name = "police";
}
