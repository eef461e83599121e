using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Masip.Police.Intake;

/// <summary>The overnight intake (PoliceIntake): the import rpcs here, the case view in CaseQueries.cs.</summary>
public sealed partial class PoliceIntakeGrpc(ImportCrimeReportsHandler import, IQuerySession query, TimeProvider clock, IOptions<ClockOptions> clocks)
    : PoliceIntake.PoliceIntakeBase
{
    public override async Task<ImportCrimeReportsReply> ImportCrimeReports(ImportCrimeReportsRequest request, ServerCallContext context)
    {
        var result = await import.Handle(ImportCrimeReportsHandler.Read(request), context.CancellationToken);
        var reply = new ImportCrimeReportsReply
        {
            NewReports = result.New,
            Amended = result.Amended,
            Unchanged = result.Unchanged,
            Rejected = result.Rejections.Count,
        };
        reply.Rejections.AddRange(result.Rejections.Select(r => new ImportRejection { Line = r.Line, CrimeReference = r.CrimeReference, Reason = r.Reason }));
        return reply;
    }

    public override async Task<CaseReply> ImportCrimeReport(ImportCrimeReportRequest request, ServerCallContext context)
    {
        if (request.Record is null)
            throw new InvalidFieldException("record", "is required");
        var report = ImportCrimeReportDecision.Validate(request.Record, clock.GetUtcNow());
        var result = await import.Handle([new ImportLine(1, request.Record, null)], context.CancellationToken);
        if (result.Rejections.Count > 0)
            throw new InvalidFieldException("record", result.Rejections[0].Reason);
        return await CaseView(StacCase.IdFor(report.CrimeReference), context);
    }

    private async Task<CaseReply> CaseView(Guid id, ServerCallContext context) =>
        CaseReplies.ToReply(await query.LoadAsync<StacCase>(id, context.CancellationToken) ?? throw NotFound.For<StacCase>("case_id", id),
            clock.GetUtcNow(), clocks.Value.VictimUpdateCadenceDays);
}
