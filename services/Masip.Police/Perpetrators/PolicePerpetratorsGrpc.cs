using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin;
using Masip.Police.Perpetrators.Linking;
using Masip.ServiceDefaults.Errors;



namespace Masip.Police.Perpetrators;

public sealed class PolicePerpetratorsGrpc(IDocumentStore store, IQuerySession query, TimeProvider clock) : PolicePerpetrators.PolicePerpetratorsBase
{
    public override async Task<SuspectHistoryReply> ConfirmLink(LinkDecisionRequest request, ServerCallContext context)
    {
        var command = new ConfirmLink(
            Require.Id(request.PerpetratorId, "perpetrator_id"), Require.Id(request.CaseId, "case_id"), Require.Text(request.DecidedBy, "decided_by", 100));
        await Run(command.PerpetratorId, (p, now) => LinkDecisions.Decide(p, command, now), context.CancellationToken);
        return await History(query, command.PerpetratorId, context.CancellationToken);
    }

    public override async Task<SuspectHistoryReply> RejectLink(LinkDecisionRequest request, ServerCallContext context)
    {
        var command = new RejectLink(
            Require.Id(request.PerpetratorId, "perpetrator_id"), Require.Id(request.CaseId, "case_id"),
            Require.Text(request.DecidedBy, "decided_by", 100), Require.Text(request.Reason, "reason"));
        await Run(command.PerpetratorId, (p, now) => LinkDecisions.Decide(p, command, now), context.CancellationToken);
        return await History(query, command.PerpetratorId, context.CancellationToken);
    }

    public override async Task<SuspectHistoryReply> GetSuspectHistory(GetSuspectHistoryRequest request, ServerCallContext context) =>
        await History(query, Require.Id(request.PerpetratorId, "perpetrator_id"), context.CancellationToken);

    private async Task Run(Guid perpetratorId, Func<Perpetrator, DateTimeOffset, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Perpetrator>(perpetratorId, ct);
        var current = stream.Aggregate ?? throw new RecordNotFoundException("perpetrator_id", $"no perpetrator {perpetratorId}");
        var events = decide(current, clock.GetUtcNow());
        if (events.Count == 0)
            return;
        stream.AppendMany(events);
        foreach (var rejected in events.OfType<PerpetratorLinkRejected>())
            session.Events.Append(rejected.CaseId, LinkDecisions.Unlink(rejected));
        await session.SaveChangesAsync(ct);
    }

    /// <summary>One call: every linked report with its tier, the number of victims, the orders, the Griffin status.</summary>
    public static async Task<SuspectHistoryReply> History(IQuerySession query, Guid perpetratorId, CancellationToken ct)
    {
        var perpetrator = await query.LoadAsync<Perpetrator>(perpetratorId, ct)
            ?? throw new RecordNotFoundException("perpetrator_id", $"no perpetrator {perpetratorId}");
        var cases = (await query.LoadManyAsync<StacCase>(ct, perpetrator.Links.Select(l => l.CaseId).ToArray())).ToDictionary(c => c.Id);
        var nominal = await query.LoadAsync<Nominal>(Nominal.IdFor(perpetratorId), ct);
        var live = perpetrator.LiveLinks.Select(l => cases.GetValueOrDefault(l.CaseId)).OfType<StacCase>().ToList();

        var reply = new SuspectHistoryReply
        {
            PerpetratorId = perpetrator.Id.ToString(),
            Name = perpetrator.Name,
            DateOfBirth = perpetrator.DateOfBirth is { } dob ? Formats.Date(dob) : "",
            PncId = perpetrator.PncId ?? "",
            VictimsCount = live.Select(c => c.Report.Victim.Name.Trim().ToLowerInvariant()).Distinct().Count(),
            HighestTier = live.Select(c => c.Tier ?? 0).DefaultIfEmpty(0).Max(),
            GriffinStatus = nominal?.Status ?? "none",
        };
        foreach (var link in perpetrator.Links)
        {
            var c = cases.GetValueOrDefault(link.CaseId);
            reply.Reports.Add(new LinkedReport
            {
                CaseId = link.CaseId.ToString(),
                CrimeReference = link.CrimeReference,
                Offence = c is null ? "" : Offences.Name(c.Principal),
                ReportedOn = c is null ? "" : Formats.Date(c.ReportedOn),
                LinkStatus = link.Status,
                Score = link.Score,
                Reason = link.Reason,
                Tier = c?.Tier ?? 0,
                RiskLevel = c?.Review?.RiskLevel ?? "",
            });
        }
        reply.Orders.AddRange(live.Where(c => c.Spo.Status != "none").Select(c => new OrderSummary
        {
            CaseId = c.Id.ToString(),
            Kind = "spo",
            Status = c.Spo.Status,
            ExpiresOn = c.Spo.ExpiresOn is { } e ? Formats.Date(e) : "",
            Breaches = c.Spo.Breaches,
        }));
        if (await query.LoadAsync<Masip.Police.Partners.PartnerRiskSummary>(perpetratorId, ct) is { } risk)
            reply.NhsRiskSummary = new Masip.Contracts.Police.PartnerRiskSummary
            {
                RiskOfViolence = risk.RiskOfViolence, RiskOfPersistence = risk.RiskOfPersistence, RiskOfRecurrence = risk.RiskOfRecurrence,
                RiskOfPsychologicalDamage = risk.RiskOfPsychologicalDamage, Summary = risk.Summary, AssessedAt = Formats.Instant(risk.AssessedAt),
            };
        if (await query.LoadAsync<Masip.Police.Partners.PartnerProbationRecord>(perpetratorId, ct) is { } probation)
            reply.ProbationRecord = new Masip.Contracts.Police.PartnerProbationRecord
            {
                KnownToProbation = probation.KnownToProbation, OrderType = probation.OrderType ?? "",
                OrderEnds = probation.OrderEnds is { } ends ? Formats.Date(ends) : "", ResponsibleOfficer = probation.ResponsibleOfficer ?? "",
                MappaCategory = probation.MappaCategory ?? 0,
                ExpectedRelease = probation.ExpectedRelease is { } release ? Formats.Date(release) : "", SharedAt = Formats.Instant(probation.SharedAt),
            };
        return reply;
    }
}
