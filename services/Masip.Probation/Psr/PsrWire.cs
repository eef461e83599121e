namespace Masip.Probation.Psr;

public static class PsrWire
{
    public static readonly IReadOnlyDictionary<string, PsrStatus> Statuses = new Dictionary<string, PsrStatus>
    {
        ["requested"] = PsrStatus.Requested,
        ["in-progress"] = PsrStatus.InProgress,
        ["submitted"] = PsrStatus.Submitted,
        ["withdrawn"] = PsrStatus.Withdrawn,
    };

    public static readonly IReadOnlyDictionary<string, RequesterRole> RequesterRoles = new Dictionary<string, RequesterRole>
    {
        ["officer-in-case"] = RequesterRole.OfficerInCase,
        ["court-report-writer"] = RequesterRole.CourtReportWriter,
    };
}
