using Grpc.Core;
using Marten;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Griffin;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Matching;

namespace Masip.Police.Perpetrators;

/// <summary>Repeat perpetrators: each command rpc lives beside its use case in Linking/; every command goes through the pipeline.</summary>
public sealed partial class PolicePerpetratorsGrpc(CommandPipeline pipeline, IQuerySession query) : PolicePerpetrators.PolicePerpetratorsBase
{
    /// <summary>A link decision on one perpetrator that must exist, as the caller; a rejection also unlinks the report.</summary>
    private Task<SuspectHistoryReply> OnPerpetrator(ServerCallContext call, Guid perpetratorId,
        Func<Perpetrator, CommandScope, IReadOnlyList<object>> decide) =>
        pipeline.Run(call,
            async scope =>
            {
                var stream = await scope.Existing<Perpetrator>(perpetratorId, "perpetrator_id");
                var events = decide(stream.Aggregate!, scope);
                stream.AppendMany(events);
                foreach (var rejected in events.OfType<PerpetratorLinkRejected>())
                    scope.Session.Events.Append(rejected.CaseId, Linking.LinkDecisions.Unlink(rejected));
            },
            scope => History(scope.Session, perpetratorId, scope.Cancellation));

    /// <summary>One call: every linked report with its tier, the number of victims, the orders, the Griffin status.</summary>
    public static async Task<SuspectHistoryReply> History(IQuerySession query, Guid perpetratorId, CancellationToken ct)
    {
        var perpetrator = await query.LoadAsync<Perpetrator>(perpetratorId, ct) ?? throw NotFound.For<Perpetrator>("perpetrator_id", perpetratorId);
        var cases = (await query.LoadManyAsync<StacCase>(ct, perpetrator.Links.Select(l => l.CaseId).ToArray())).ToDictionary(c => c.Id);
        var nominal = await query.LoadAsync<Nominal>(Nominal.IdFor(perpetratorId), ct);
        var live = perpetrator.LiveLinks.Select(l => cases.GetValueOrDefault(l.CaseId)).OfType<StacCase>().ToList();

        var reply = new SuspectHistoryReply
        {
            PerpetratorId = perpetrator.Id.ToString(),
            Name = perpetrator.Name,
            DateOfBirth = perpetrator.DateOfBirth is { } dob ? Formats.Date(dob) : "",
            PncId = perpetrator.PncId ?? "",
            VictimsCount = live.Select(c => NameKey.For(c.Report.Victim.Name)).Distinct().Count(),
            HighestTier = live.Select(c => c.Tier ?? 0).DefaultIfEmpty(0).Max(),
            GriffinStatus = nominal?.Status ?? "none",
        };
        foreach (var link in perpetrator.Links)
        {
            var c = cases.GetValueOrDefault(link.CaseId);
            if (c?.Restriction is not null)
            {
                // A restricted case shows here by id only: named officers read it through GetCase, with a reason.
                reply.Reports.Add(new LinkedReport { CaseId = link.CaseId.ToString(), LinkStatus = link.Status, Restricted = true });
                continue;
            }
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
