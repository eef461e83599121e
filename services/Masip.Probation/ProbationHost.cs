namespace Masip.Probation;

/// <summary>Names this service: its database (masip_probation), queues (probation-...) and telemetry.</summary>
public sealed class ProbationHost
{
    public const string Name = "probation";
}
