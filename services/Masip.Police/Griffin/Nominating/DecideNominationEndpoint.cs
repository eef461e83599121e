using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin.Nominating;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.Police.Perpetrators;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin;

public sealed partial class OperationGriffinGrpc
{
    private static readonly IReadOnlyDictionary<string, bool> Decisions = new Dictionary<string, bool> { ["accept"] = true, ["reject"] = false };

    public override Task<NominalReply> DecideNomination(DecideNominationRequest request, ServerCallContext context)
    {
        var command = new DecideNomination(Require.Id(request.NominalId, "nominal_id"),
            Require.OneOf(request.Decision, "decision", Decisions), Require.Text(request.Reason, "reason"),
            string.IsNullOrWhiteSpace(request.ReviewDue) ? null : Require.Date(request.ReviewDue, "review_due"));
        return pipeline.Run(context,
            async scope =>
            {
                var stream = await scope.Existing<Nominal>(command.NominalId, "nominal_id");
                var events = GriffinDecisions.Decide(stream.Aggregate!, command, scope.Actor, scope.Now);
                stream.AppendMany(events);
                await LiftAwaitingReports(scope, events);
            },
            async scope => ToReply(await scope.Require<Nominal>(command.NominalId, "nominal_id")));
    }

    // A new nominal's reports still awaiting review move up the queue ("griffin-nominal").
    private static async Task LiftAwaitingReports(CommandScope scope, IReadOnlyList<object> events)
    {
        foreach (var accepted in events.OfType<NominationAccepted>())
        {
            if (await scope.Load<Perpetrator>(accepted.PerpetratorId) is not { } perpetrator)
                continue;
            var cases = await scope.Session.LoadManyAsync<StacCase>(scope.Cancellation, perpetrator.LiveLinks.Select(l => l.CaseId).ToArray());
            foreach (var awaiting in cases.Where(c => c.Status == CaseStatus.AwaitingReview))
                scope.Session.Events.Append(awaiting.Id, new SuspectRecognised(awaiting.Id, ImportCrimeReportsHandler.GriffinNominal, accepted.DecidedAt));
        }
    }
}
