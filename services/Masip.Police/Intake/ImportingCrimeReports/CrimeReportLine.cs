using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Imports;

namespace Masip.Police.Intake.ImportingCrimeReports;

/// <summary>A line refused: its number, its crime reference when it could be read, the field at fault and what is wrong.</summary>
public sealed record ImportRejectionResult(int Line, string CrimeReference, string Field, string Problem)
{
    public string Reason => $"{Field}: {Problem}";
}

/// <summary>One line of a night, decided alone: the report it holds, or why it is refused.</summary>
public sealed record DecidedLine(int Line, CrimeReportDetails? Report, ImportRejectionResult? Rejection)
{
    public static DecidedLine Refused(int line, string crimeReference, string field, string problem) =>
        new(line, null, new ImportRejectionResult(line, crimeReference, field, problem));
}

/// <summary>
/// The decision for one line of a night's file, before anything is stored: read it (strict UTF-8,
/// no control characters, only CrimeReportRecord's fields, each within its declared bounds), then
/// validate it as a crime report (ImportCrimeReportDecision.Validate). What the line then does to
/// its case is ImportCrimeReportDecision.Decide, in the handler.
/// </summary>
public static class CrimeReportLine
{
    /// <summary>A line is read up to this many bytes: far beyond the longest valid record (about 60 KB with every field full and escaped).</summary>
    public const int MaxLineBytes = 256 * 1024;

    public static DecidedLine Decide(RawLine line, DateTimeOffset now)
    {
        var read = JsonLineReader.Read<CrimeReportRecord>(line, now);
        return read.Problem is { } problem
            ? DecidedLine.Refused(line.Number, problem.Field == "crime_reference" ? "" : read.Record?.CrimeReference.Trim() ?? "", problem.Field, problem.Problem)
            : Decide(line.Number, read.Record!, now);
    }

    /// <summary>A record already read (and within its bounds): validated as a crime report.</summary>
    public static DecidedLine Decide(int line, CrimeReportRecord record, DateTimeOffset now)
    {
        try
        {
            return new DecidedLine(line, ImportCrimeReportDecision.Validate(record, now), null);
        }
        catch (DomainException ex)
        {
            return DecidedLine.Refused(line, record.CrimeReference.Trim(), ex.Field, ex.Problem);
        }
    }
}
