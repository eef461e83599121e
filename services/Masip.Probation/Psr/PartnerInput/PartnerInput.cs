using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Probation.Mappa.Flagging;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Psr.PartnerInput;

/// <summary>
/// The NHS risk summary of a perpetrator as the NHS last shared it (RiskSummaryUpdatedV1), kept
/// by probation for PSR consultations (issue 18.7): the only part of an assessment that leaves the
/// NHS. The newest news in the NHS's order stands (<see cref="LastSequence"/>).
/// </summary>
public sealed record NhsRiskSummary(
    Guid Id, Guid ReferralId, string RiskOfViolence, string RiskOfPersistence, string RiskOfRecurrence,
    string RiskOfPsychologicalDamage, string Summary, DateTimeOffset AssessedAt, long? LastSequence);

public sealed class RiskSummaryUpdatedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<RiskSummaryUpdatedConsumer> logger)
    : InboxConsumer<RiskSummaryUpdatedV1>(pipeline, service, logger)
{
    protected override async Task Handle(RiskSummaryUpdatedV1 m, CommandScope scope, ConsumeContext<RiskSummaryUpdatedV1> context)
    {
        var source = context.Source();
        var held = await scope.Load<NhsRiskSummary>(m.PerpetratorId);
        if (!source.IsNewerThan(held?.LastSequence))
        {
            Logger.LogInformation("NHS risk summary for perpetrator {PerpetratorId} ignored: older than the one held", m.PerpetratorId);
            return;
        }
        scope.Session.Store(new NhsRiskSummary(m.PerpetratorId, m.ReferralId, m.RiskOfViolence, m.RiskOfPersistence, m.RiskOfRecurrence,
            m.RiskOfPsychologicalDamage, m.Summary, m.AssessedAt, source.After(held?.LastSequence)));
        Logger.LogInformation("NHS risk summary stored for perpetrator {PerpetratorId}", m.PerpetratorId);
    }
}

/// <summary>
/// What partners shared that a PSR consultation shows, for the PSR purpose only, each with its
/// source and date: the NHS risk summary, and the police case facts probation holds from the
/// police's tiering (offence, tier, risk level, crime reference of the person's latest tiered case).
/// </summary>
public sealed record PsrPartnerSections(string? NhsRiskSummary, string? PoliceCaseFacts)
{
    public static async Task<PsrPartnerSections> Load(IQuerySession query, Guid? perpetratorId, CancellationToken ct)
    {
        if (perpetratorId is not { } id)
            return new PsrPartnerSections(null, null);
        var risk = await query.LoadAsync<NhsRiskSummary>(id, ct);
        var tiered = await query.Query<TieredCase>().Where(t => t.PerpetratorId == id)
            .OrderByDescending(t => t.TieredAt).ThenByDescending(t => t.Id).FirstOrDefaultAsync(ct);
        return new PsrPartnerSections(
            risk is null ? null
                : $"Risk of violence {risk.RiskOfViolence}, persistence {risk.RiskOfPersistence}, recurrence {risk.RiskOfRecurrence}, "
                  + $"psychological damage {risk.RiskOfPsychologicalDamage}. {risk.Summary} "
                  + $"(source: NHS, Stalking Risk Profile risk summary, assessed {Formats.Instant(risk.AssessedAt)})",
            tiered is null ? null
                : $"{tiered.Offence ?? "offence not given"}, Tier {tiered.Tier}, risk {tiered.RiskLevel ?? "not given"}"
                  + (tiered.CrimeReference is { } reference ? $", crime reference {reference}" : "")
                  + $" (source: police (STAC), tiered {Formats.Instant(tiered.TieredAt)})");
    }
}
