namespace Masip.Nhs;

/// <summary>Names this service: its database (masip_nhs), queues (nhs-...) and telemetry.</summary>
public sealed class NhsHost
{
    public const string Name = "nhs";
}
