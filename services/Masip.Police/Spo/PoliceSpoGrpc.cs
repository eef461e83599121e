using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Perpetrators;
using Masip.Police.Spo.Recording;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Masip.Police.Spo;

public sealed class PoliceSpoGrpc(CaseCommands cases, TimeProvider clock, IOptions<ClockOptions> clocks) : PoliceSpo.PoliceSpoBase
{
    public override async Task<CaseReply> RecordSpoConsidered(RecordSpoConsideredRequest request, ServerCallContext context)
    {
        var command = new RecordSpoConsidered(Require.Id(request.CaseId, "case_id"), request.WillApply, Require.Text(request.Reason, "reason"),
            Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.CaseId, (c, now) => SpoDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> RecordSpoApplication(RecordSpoApplicationRequest request, ServerCallContext context)
    {
        var command = new RecordSpoApplication(Require.Id(request.CaseId, "case_id"), Require.OneOf(request.Stage, "stage", SpoDecisions.Stages),
            Require.Date(request.AppliedOn, "applied_on"), Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.CaseId, (c, now) => SpoDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> RecordSpoDecision(RecordSpoDecisionRequest request, ServerCallContext context)
    {
        var command = new RecordSpoDecision(Require.Id(request.CaseId, "case_id"), Require.OneOf(request.Stage, "stage", SpoDecisions.Stages),
            request.Granted, Prohibitions(request.Prohibitions), Requirements(request.Requirements),
            string.IsNullOrWhiteSpace(request.ExpiresOn) ? null : Require.Date(request.ExpiresOn, "expires_on"),
            Require.Text(request.Reason, "reason"), Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.CaseId, (c, now) => SpoDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> VarySpo(VarySpoRequest request, ServerCallContext context)
    {
        var command = new VarySpo(Require.Id(request.CaseId, "case_id"), Prohibitions(request.Prohibitions), Requirements(request.Requirements),
            Require.Text(request.Reason, "reason"), Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.CaseId, (c, now) => SpoDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> RecordSpoExpired(RecordSpoExpiredRequest request, ServerCallContext context)
    {
        var command = new RecordSpoExpired(Require.Id(request.CaseId, "case_id"), Require.Date(request.ExpiredOn, "expired_on"),
            Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.CaseId, (c, now) => SpoDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> RecordSpoBreach(RecordSpoBreachRequest request, ServerCallContext context)
    {
        var command = new RecordSpoBreach(Require.Id(request.CaseId, "case_id"), Require.Date(request.BreachedOn, "breached_on"),
            Require.Text(request.Details, "details"), Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.CaseId, (c, now) => SpoDecisions.Decide(c, command, now), context);
    }

    public override async Task<CaseReply> AnswerFurtherOffencePrompt(AnswerFurtherOffencePromptRequest request, ServerCallContext context)
    {
        var command = new AnswerFurtherOffencePrompt(Require.Id(request.CaseId, "case_id"), request.RecordAsFurtherOffence,
            Require.OptionalText(request.FurtherCrimeReference, "further_crime_reference", 64), Require.Text(request.Reason, "reason"),
            Require.Text(request.AnsweredBy, "answered_by", 100));
        if (command.Record && command.FurtherCrimeReference is null)
            throw new InvalidFieldException("further_crime_reference", "is required to record the breach as a further offence");
        return await Run(command.CaseId, (c, now) => SpoDecisions.Decide(c, command, now), context);
    }

    private static List<string> Prohibitions(IEnumerable<string> values) => [.. values.Select(p => Require.Text(p, "prohibitions", 500))];

    private static List<string> Requirements(IEnumerable<string> values) =>
        [.. values.Select(r => Require.OneOf(r, "requirements", SpoDecisions.RequirementCatalogue)).Distinct()];

    private async Task<CaseReply> Run(Guid caseId, Func<StacCase, DateTimeOffset, IReadOnlyList<object>> decide, ServerCallContext context) =>
        CaseReplies.ToReply(await cases.Run(caseId, decide, context.CancellationToken, AlsoOnThePerpetrator),
            clock.GetUtcNow(), clocks.Value.VictimUpdateCadenceDays);

    // An order in force marks the perpetrator: a later report naming them is "existing SPO" in the queue.
    private static void AlsoOnThePerpetrator(IDocumentSession session, StacCase current, IReadOnlyList<object> events)
    {
        if (current.PerpetratorId is not { } perpetratorId)
            return;
        foreach (var granted in events.OfType<SpoDecided>().Where(d => d.Granted))
            session.Events.Append(perpetratorId, new PerpetratorOrderInForce(perpetratorId, current.Id, "spo", granted.RecordedAt));
    }
}
