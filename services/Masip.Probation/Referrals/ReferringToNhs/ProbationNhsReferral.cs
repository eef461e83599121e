using JasperFx.Events.Projections;
using Marten;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Probation.People;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Probation.Referrals.ReferringToNhs;

/// <summary>A probation officer (the actor, <paramref name="ReferredBy"/>) referred a person probation manages to the NHS.</summary>
public sealed record PersonReferredToNhs(
    Guid ReferralId, Guid PersonId, Guid PerpetratorId, string Name, DateOnly DateOfBirth, string? PncId, string Service, string RiskLevel,
    string Reason, string ReferredBy, DateTimeOffset ReferredAt);

/// <summary>The NHS decided on the referral (NhsReferralDecidedV1), at <paramref name="Sequence"/> in the NHS's event store.</summary>
public sealed record NhsOutcomeReceived(Guid ReferralId, bool Accepted, string? Reason, DateTimeOffset DecidedAt, long? Sequence);

/// <summary>Probation's referral of a person to the NHS and what the NHS decided (inline snapshot: the read model).</summary>
public sealed record ProbationNhsReferral(
    Guid Id, Guid PersonId, Guid PerpetratorId, string Service, string RiskLevel, string Reason, string ReferredBy, DateTimeOffset ReferredAt,
    string Outcome, string? OutcomeReason, DateTimeOffset? DecidedAt, long? OutcomeSequence)
{
    public static ProbationNhsReferral Create(PersonReferredToNhs e) => new(
        e.ReferralId, e.PersonId, e.PerpetratorId, e.Service, e.RiskLevel, e.Reason, e.ReferredBy, e.ReferredAt, "awaiting", null, null, null);

    public ProbationNhsReferral Apply(NhsOutcomeReceived e) => this with
    {
        Outcome = e.Accepted ? "accepted" : "declined", OutcomeReason = e.Reason, DecidedAt = e.DecidedAt, OutcomeSequence = e.Sequence ?? OutcomeSequence,
    };
}

public sealed record ReferToNhs(Guid ReferralId, Guid PersonId, string Service, string RiskLevel, string Reason);

public static class ReferToNhsDecision
{
    public static readonly IReadOnlyDictionary<string, string> Services = new[] { "assessment", "intervention" }.ToDictionary(v => v);
    public static readonly IReadOnlyDictionary<string, string> RiskLevels = new[] { "standard", "medium", "high" }.ToDictionary(v => v);

    /// <summary>
    /// Idempotent by referral id: the same referral again decides nothing; a different one under a
    /// used id is refused. The message carries the person's identity (the NHS needs it to assess)
    /// and the police perpetrator id when probation knows it, otherwise probation's person id.
    /// </summary>
    public static IReadOnlyList<object> Decide(ProbationNhsReferral? current, Person person, ReferToNhs command, Actor actor, DateTimeOffset now)
    {
        if (current is not null)
            return current.PersonId == command.PersonId && current.Service == command.Service && current.RiskLevel == command.RiskLevel
                && current.Reason == command.Reason
                ? []
                : throw new DuplicateRecordException("referral_id", "a different referral already has this id");
        return [new PersonReferredToNhs(command.ReferralId, person.Id, person.PerpetratorId ?? person.Id, person.Name, person.DateOfBirth,
            person.PncId, command.Service, command.RiskLevel, command.Reason, actor.Subject, now)];
    }
}

public static class ReferringToNhsModule
{
    public static IServiceCollection AddReferringToNhs(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<ProbationNhsReferral>(SnapshotLifecycle.Inline);
            store.Schema.For<ProbationNhsReferral>().Index(r => r.PersonId);
        });
        services.PublishIntegrationEvent<PersonReferredToNhs>(e => new ProbationReferredToNhsV1(e.ReferralId, e.PerpetratorId, e.Name,
            e.DateOfBirth, e.PncId, e.Service, e.RiskLevel, e.Reason, e.ReferredBy, e.ReferredAt));
        return services;
    }
}

/// <summary>
/// The NHS decided on a referral: probation keeps the outcome of its own referrals (others' are
/// not its business). The newest decision in the NHS's order stands: an older one delivered late
/// changes nothing.
/// </summary>
public sealed class NhsReferralDecidedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<NhsReferralDecidedConsumer> logger)
    : InboxConsumer<NhsReferralDecidedV1>(pipeline, service, logger)
{
    protected override async Task Handle(NhsReferralDecidedV1 m, CommandScope scope, ConsumeContext<NhsReferralDecidedV1> context)
    {
        var stream = await scope.Stream<ProbationNhsReferral>(m.ReferralId);
        if (stream.Aggregate is not { } referral)
        {
            Logger.LogInformation("NHS decision on referral {ReferralId} ignored: not a probation referral", m.ReferralId);
            return;
        }
        var source = context.Source();
        if (referral.DecidedAt is not null && !source.IsNewerThan(referral.OutcomeSequence))
        {
            Logger.LogInformation("NHS decision on referral {ReferralId} ignored: older than the one held", m.ReferralId);
            return;
        }
        stream.AppendOne(new NhsOutcomeReceived(m.ReferralId, m.Accepted, m.Reason, m.DecidedAt, source == MessageSource.Unknown ? null : source.Sequence));
        Logger.LogInformation("NHS decision on probation referral {ReferralId} recorded", m.ReferralId);
    }
}
