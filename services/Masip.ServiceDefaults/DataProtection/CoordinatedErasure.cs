using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Persistence;
using Masip.ServiceDefaults.Sharing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Masip.ServiceDefaults.DataProtection;

/// <summary>
/// A reason an agency must keep a record the erasure would touch (a legal hold): the agency's
/// service registers one where it has such records (the police: a restricted case, e.g. a
/// police-perpetrated case under professional standards investigation). The refusal names record
/// ids only; null: no hold.
/// </summary>
public interface IErasureHold
{
    Task<string?> RefusalAsync(CommandScope scope, SubjectHoldings holdings);
}

/// <summary>An agency's answer to a coordinator's erasure request (published as SubjectErasurePartV1): ids and counts only.</summary>
public sealed record ErasurePartAnswered(Guid RequestId, string Agency, Guid ErasureId, string State, int Records, int RowsRewritten,
    string Refusal, DateTimeOffset AnsweredAt)
{
    public const string Erased = "erased";
    public const string Refused = "refused";
}

/// <summary>What one erasure did: erased (the event), or refused by a hold (the reason).</summary>
public sealed record ErasureOutcome(SubjectErased? Erased, string? Refusal, int Records);

/// <summary>
/// The one erasure of an agency (the DPO's DataProtection.EraseSubject and a coordinator's request
/// both run it): find the person's records, stop at a legal hold (<see cref="IErasureHold"/>),
/// otherwise rewrite their own data everywhere (<see cref="SubjectErasure"/>), record SubjectErased
/// (the caller appends it to the erasure's stream) and audit the erasure on the chains of the records it touched (their
/// ids and the fact of every disclosure stay). Inside the caller's transaction.
/// </summary>
public static class SubjectErasures
{
    public static async Task<ErasureOutcome> Erase(CommandScope scope, SubjectAccessPolicy policy, string agency, Guid erasureId,
        DataSubject subject, string reason, DisclosureAuditor auditor, string purpose, IEnumerable<IErasureHold> holds)
    {
        var connection = (NpgsqlConnection)scope.Session.Connection!;
        var holdings = await SubjectFinder.Find(connection, policy, subject, scope.Cancellation);
        foreach (var hold in holds)
            if (await hold.RefusalAsync(scope, holdings) is { } refusal)
                return new ErasureOutcome(null, refusal, holdings.Records.Count);
        var result = await SubjectErasure.Erase(connection, policy, subject, holdings, scope.Cancellation);
        var erased = new SubjectErased(erasureId, agency, result.Records, result.RowsRewritten, result.Classes, result.Streams,
            reason, scope.Actor.Subject, scope.Now);
        // The erasure is itself audited, on the chains of the records it touched (their ids stay).
        auditor.Append(scope.Session, new Disclosure(
            [new AuditSubject("erasure", erasureId.ToString()), .. AuditSubjects(holdings)],
            scope.Actor.Subject, scope.Actor.Agency, scope.Actor.Role, Recipient: agency, Channel: "erasure",
            Operation: "DataProtection/EraseSubject", result.Classes.Count > 0 ? result.Classes : ["record.meta"],
            purpose, System.Diagnostics.Activity.Current?.TraceId.ToString(), reason));
        return new ErasureOutcome(erased, null, holdings.Records.Count);
    }

    /// <summary>The audit subjects already used for the records found (a case is ("case", id)); a record never audited by its id.</summary>
    private static IEnumerable<AuditSubject> AuditSubjects(SubjectHoldings holdings)
    {
        var streams = holdings.Streams.Select(s => s.ToString()).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var known = holdings.Disclosures
            .SelectMany(d => d.Data?["Subjects"]?.AsArray() ?? d.Data?["subjects"]?.AsArray() ?? [])
            .Select(s => new AuditSubject((string?)(s?["Kind"] ?? s?["kind"]) ?? "", (string?)(s?["Id"] ?? s?["id"]) ?? ""))
            .Where(s => streams.Contains(s.Id)).Distinct().ToList();
        var named = known.Select(s => s.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. known, .. streams.Where(s => !named.Contains(s)).Order(StringComparer.Ordinal).Select(s => new AuditSubject("record", s))];
    }
}

public static class CoordinatedErasureModule
{
    /// <summary>Every service: its answer to a coordinator's erasure request goes back by message.</summary>
    public static IServiceCollection AddCoordinatedErasure(this IServiceCollection services) =>
        services.PublishIntegrationEvent<ErasurePartAnswered>(e =>
            new SubjectErasurePartV1(e.RequestId, e.Agency, e.ErasureId, e.State, e.Records, e.RowsRewritten, e.Refusal, e.AnsweredAt));
}

/// <summary>
/// An agency's part of a coordinator's erasure request (each of the four agencies has one
/// concrete consumer of it): erased (or refused) in the inbox's transaction under an erasure id
/// derived from the request, so a redelivered request, or the same request sent again, erases
/// nothing twice and answers nothing twice (the first answer stands; erasing again would find
/// nothing left to erase anyway).
/// </summary>
public abstract class SubjectErasurePartConsumer(CommandPipeline pipeline, ServiceIdentity service, SharingAgreements agreements,
    DisclosureAuditor auditor, IEnumerable<IErasureHold> holds, ILogger logger)
    : InboxConsumer<SubjectErasureRequestedV1>(pipeline, service, logger)
{
    public static Guid ErasureIdFor(Guid requestId, string agency) => DeterministicId.For("erasure-part", requestId, agency);

    protected override async Task Handle(SubjectErasureRequestedV1 message, CommandScope scope, ConsumeContext<SubjectErasureRequestedV1> context)
    {
        var erasureId = ErasureIdFor(message.RequestId, ServiceName);
        var state = await scope.Session.Events.FetchStreamStateAsync(erasureId, scope.Cancellation);
        if (state is not null)
        {
            Logger.LogInformation("Erasure request {RequestId}: part {ErasureId} already answered", message.RequestId, erasureId);
            return;
        }
        var subject = new DataSubject(message.SubjectKey, message.DateOfBirth);
        ErasurePartAnswered answer;
        SubjectErased? erasedEvent = null;
        if (subject.Key.Length == 0 || subject.Name.Contains(SubjectErasure.Erased, StringComparison.Ordinal))
        {
            // The key itself was erased before this copy was read (a replay of an old request): nothing to find by.
            answer = new ErasurePartAnswered(message.RequestId, ServiceName, erasureId, ErasurePartAnswered.Refused, 0, 0,
                "the request's subject key is no longer held", scope.Now);
        }
        else
        {
            var outcome = await SubjectErasures.Erase(scope, agreements.Current.SubjectAccess, ServiceName, erasureId, subject,
                $"erasure request {message.RequestId} (coordinated by the police DPO)", auditor, "subject-access", holds);
            erasedEvent = outcome.Erased;
            answer = outcome.Erased is { } erased
                ? new ErasurePartAnswered(message.RequestId, ServiceName, erasureId, ErasurePartAnswered.Erased, erased.Records, erased.RowsRewritten, "", scope.Now)
                : new ErasurePartAnswered(message.RequestId, ServiceName, erasureId, ErasurePartAnswered.Refused, outcome.Records, 0, outcome.Refusal!, scope.Now);
        }
        scope.Session.Events.StartStream(erasureId, answer.State == ErasurePartAnswered.Erased && erasedEvent is not null ? [erasedEvent, answer] : [answer]);
        await Answered(message, scope, answer);
        Logger.LogInformation("Erasure request {RequestId}: part {ErasureId} {State} ({Records} records, {Rows} rows)",
            message.RequestId, erasureId, answer.State, answer.Records, answer.RowsRewritten);
    }

    /// <summary>After the part is answered, in the same transaction (the coordinator erases its own copy of the key here).</summary>
    protected virtual Task Answered(SubjectErasureRequestedV1 message, CommandScope scope, ErasurePartAnswered answer) => Task.CompletedTask;
}
