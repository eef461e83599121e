using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;
using Microsoft.Extensions.Options;

namespace Masip.Police.Intake;

/// <summary>
/// The overnight intake (PoliceIntake): a night's file streams in through ImportNight
/// (ImportingCrimeReports/ImportNightEndpoint.cs), batches and single reports here, the case view
/// in CaseQueries.cs. Every import is a command through the command pipeline as the caller.
/// </summary>
public sealed partial class PoliceIntakeGrpc(
    ImportCrimeReportsHandler import, CommandPipeline pipeline, IQuerySession query, TimeProvider clock, IOptions<ClockOptions> clocks,
    ILogger<PoliceIntakeGrpc> logger)
    : PoliceIntake.PoliceIntakeBase
{
    public override async Task<ImportCrimeReportsReply> ImportCrimeReports(ImportCrimeReportsRequest request, ServerCallContext context)
    {
        if (request.Records.Count == 0)
            throw new InvalidFieldException("records", "the batch is empty");
        var now = clock.GetUtcNow();
        var lines = request.Records.Select((r, i) => CrimeReportLine.Decide(i + 1, r, now)).ToList();
        var result = await import.Import(Actor.From(context.Sharing().Caller), lines, null, context.CancellationToken);
        var reply = new ImportCrimeReportsReply
        {
            NewReports = result.New,
            Amended = result.Amended,
            Unchanged = result.Unchanged,
            Rejected = result.Rejections.Count,
        };
        reply.Rejections.AddRange(result.Rejections.Select(ToRejection));
        return reply;
    }

    public override Task<CaseReply> ImportCrimeReport(ImportCrimeReportRequest request, ServerCallContext context)
    {
        var line = CrimeReportLine.Decide(1, request.Record, clock.GetUtcNow());
        if (line.Rejection is { } refused)
            throw new InvalidFieldException("record." + refused.Field, refused.Problem);
        var id = StacCase.IdFor(line.Report!.CrimeReference);
        return pipeline.Run(context,
            async scope =>
            {
                if ((await import.Decide(scope, [line])).Rejections is [var rejected, ..])
                    throw new InvalidFieldException("record." + rejected.Field, rejected.Problem);
            },
            async scope => CaseReplies.ToReply(await scope.Require<StacCase>(id, "case_id"), scope.Now, clocks.Value.VictimUpdateCadenceDays));
    }

    private static ImportRejection ToRejection(ImportRejectionResult r) =>
        new() { Line = r.Line, CrimeReference = r.CrimeReference, Field = r.Field, Reason = r.Reason };
}
