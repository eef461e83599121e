using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Liaison.RecordingCourtReports;

namespace Masip.Nhs.Liaison;

public sealed partial class NhsLiaisonGrpc
{
    public override Task<CourtReportReply> RecordCourtReportRequest(RecordCourtReportRequestRequest request, ServerCallContext context)
    {
        var command = RecordCourtReportRequestDecision.Validate(request);
        return pipeline.Run(context,
            async scope =>
            {
                var referral = await LiaisonReferral.Named(scope, command.ReferralId);
                var report = await scope.Stream<CourtReport>(command.ReportId);
                report.AppendMany(RecordCourtReportRequestDecision.Decide(report.Aggregate, referral, command, scope.Actor, scope.Now));
            },
            async scope => ToReply(await scope.Require<CourtReport>(command.ReportId, "report_id")));
    }
}
