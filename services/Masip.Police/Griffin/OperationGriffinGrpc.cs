using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin.Nominating;
using Masip.Police.Intake.ImportingCrimeReports;
using Masip.Police.Perpetrators;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Griffin;

public sealed class OperationGriffinGrpc(IDocumentStore store, IQuerySession query, TimeProvider clock) : OperationGriffin.OperationGriffinBase
{
    private static readonly IReadOnlyDictionary<string, bool> Decisions = new Dictionary<string, bool> { ["accept"] = true, ["reject"] = false };

    public override async Task<NominalReply> NominateToGriffin(NominateToGriffinRequest request, ServerCallContext context)
    {
        var criteria = request.Criteria.Select(c => Require.Text(c, "criteria", 200)).ToList();
        if (criteria.Count == 0)
            throw new InvalidFieldException("criteria", "at least one criterion is required");
        var command = new NominateToGriffin(Require.Id(request.CaseId, "case_id"), criteria,
            Require.Text(request.Rationale, "rationale"), Require.Text(request.NominatedBy, "nominated_by", 100));
        var ct = context.CancellationToken;

        await using var session = store.LightweightSession();
        var @case = await CaseCommands.Load(session, command.CaseId, ct);
        var perpetrator = @case.PerpetratorId is { } pid ? await session.LoadAsync<Perpetrator>(pid, ct) : null;
        var nominalId = perpetrator is null ? Guid.Empty : Nominal.IdFor(perpetrator.Id);
        var stream = await session.Events.FetchForWriting<Nominal>(nominalId, ct);
        var events = GriffinDecisions.Decide(stream.Aggregate, @case, perpetrator, command, clock.GetUtcNow());
        if (events.Count > 0)
        {
            stream.AppendMany(events);
            await session.SaveChangesAsync(ct);
        }
        return ToReply(await session.LoadAsync<Nominal>(nominalId, ct) ?? throw new InvalidOperationException("nominal read model missing"));
    }

    public override async Task<NominalReply> DecideNomination(DecideNominationRequest request, ServerCallContext context)
    {
        var command = new DecideNomination(Require.Id(request.NominalId, "nominal_id"),
            Require.OneOf(request.Decision, "decision", Decisions), Require.Text(request.Reason, "reason"),
            string.IsNullOrWhiteSpace(request.ReviewDue) ? null : Require.Date(request.ReviewDue, "review_due"),
            Require.Text(request.DecidedBy, "decided_by", 100));
        return await Run(command.NominalId, (n, now) => GriffinDecisions.Decide(n, command, now), context.CancellationToken, LiftAwaitingReports);
    }

    // A new nominal's reports still awaiting review move up the queue ("griffin-nominal").
    private static async Task LiftAwaitingReports(IDocumentSession session, IReadOnlyList<object> events, CancellationToken ct)
    {
        foreach (var accepted in events.OfType<NominationAccepted>())
        {
            if (await session.LoadAsync<Perpetrator>(accepted.PerpetratorId, ct) is not { } perpetrator)
                continue;
            var cases = await session.LoadManyAsync<StacCase>(ct, perpetrator.LiveLinks.Select(l => l.CaseId).ToArray());
            foreach (var awaiting in cases.Where(c => c.Status == CaseStatus.AwaitingReview))
                session.Events.Append(awaiting.Id, new SuspectRecognised(awaiting.Id, ImportCrimeReportsHandler.GriffinNominal, accepted.DecidedAt));
        }
    }

    public override async Task<NominalReply> ScheduleNominalReview(ScheduleNominalReviewRequest request, ServerCallContext context)
    {
        var command = new ScheduleNominalReview(Require.Id(request.NominalId, "nominal_id"), Require.Date(request.ReviewDue, "review_due"),
            Require.Text(request.ScheduledBy, "scheduled_by", 100));
        return await Run(command.NominalId, (n, now) => GriffinDecisions.Decide(n, command, now), context.CancellationToken);
    }

    public override async Task<NominalReply> RemoveNominal(RemoveNominalRequest request, ServerCallContext context)
    {
        var command = new RemoveNominal(Require.Id(request.NominalId, "nominal_id"), Require.Text(request.Reason, "reason"),
            Require.Text(request.RemovedBy, "removed_by", 100));
        return await Run(command.NominalId, (n, now) => GriffinDecisions.Decide(n, command, now), context.CancellationToken);
    }

    public override async Task<NominalReply> RecordNominalActivity(RecordNominalActivityRequest request, ServerCallContext context)
    {
        var command = new RecordNominalActivity(Require.Id(request.NominalId, "nominal_id"), Require.Text(request.Activity, "activity", 1000),
            Require.OptionalText(request.CrimeReference, "crime_reference", 64), Require.Text(request.RecordedBy, "recorded_by", 100));
        return await Run(command.NominalId, (n, now) => GriffinDecisions.Decide(n, command, now), context.CancellationToken);
    }

    public override async Task<NominalReply> GetNominal(GetNominalRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.NominalId, "nominal_id");
        return ToReply(await query.LoadAsync<Nominal>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("nominal_id", $"no nominal {id}"));
    }

    private async Task<NominalReply> Run(Guid nominalId, Func<Nominal, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct,
        Func<IDocumentSession, IReadOnlyList<object>, CancellationToken, Task>? alsoAppend = null)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Nominal>(nominalId, ct);
        var current = stream.Aggregate ?? throw new RecordNotFoundException("nominal_id", $"no nominal {nominalId}");
        var events = decide(current, clock.GetUtcNow());
        if (events.Count == 0)
            return ToReply(current);
        stream.AppendMany(events);
        if (alsoAppend is not null)
            await alsoAppend(session, events, ct);
        await session.SaveChangesAsync(ct);
        return ToReply(await session.LoadAsync<Nominal>(nominalId, ct) ?? throw new InvalidOperationException("nominal read model missing"));
    }

    private static NominalReply ToReply(Nominal n)
    {
        var reply = new NominalReply
        {
            NominalId = n.Id.ToString(),
            PerpetratorId = n.PerpetratorId.ToString(),
            CaseId = n.CaseId.ToString(),
            Status = n.Status,
            PerpetratorName = n.PerpetratorName,
            PncId = n.PncId ?? "",
            Rationale = n.Rationale,
            ReviewDue = n.ReviewDue is { } r ? Formats.Date(r) : "",
            DecisionReason = n.DecisionReason ?? "",
            RemovalReason = n.RemovalReason ?? "",
            NominatedAt = Formats.Instant(n.NominatedAt),
        };
        reply.Criteria.AddRange(n.Criteria);
        reply.Alerts.AddRange(n.Alerts.Select(a => new GriffinAlert
        {
            Activity = a.Activity, CrimeReference = a.CrimeReference ?? "", OccurredAt = Formats.Instant(a.OccurredAt),
        }));
        return reply;
    }
}
