namespace Masip.Advocacy;

/// <summary>Names this service: its database (masip_advocacy), queues (advocacy-...) and telemetry.</summary>
public sealed class AdvocacyHost
{
    public const string Name = "advocacy";
}
