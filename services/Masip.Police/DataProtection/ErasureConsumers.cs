using MassTransit;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Messaging;
using Masip.ServiceDefaults.Sharing;
using Npgsql;

namespace Masip.Police.DataProtection;

/// <summary>
/// The police's own part of an erasure request. Once answered (erased or refused), the coordinator's
/// copy of the subject key (the request's event, which the outbox made the message from) is erased
/// too, in the same transaction: the request keeps its id, hash and the answers, never the key.
/// </summary>
public sealed class SubjectErasureRequestedConsumer(CommandPipeline pipeline, ServiceIdentity service, SharingAgreements agreements,
    DisclosureAuditor auditor, IEnumerable<IErasureHold> holds, ILogger<SubjectErasureRequestedConsumer> logger)
    : Masip.ServiceDefaults.DataProtection.SubjectErasurePartConsumer(pipeline, service, agreements, auditor, holds, logger)
{
    protected override async Task Answered(SubjectErasureRequestedV1 message, CommandScope scope, ErasurePartAnswered answer)
    {
        var connection = (NpgsqlConnection)scope.Session.Connection!;
        var rows = new List<(long Seq, string Data)>();
        await using (var select = new NpgsqlCommand(
            $"select seq_id, data::text from {StoredRecords.Schema}.mt_events where stream_id = @stream", connection))
        {
            select.Parameters.AddWithValue("stream", message.RequestId);
            await using var reader = await select.ExecuteReaderAsync(scope.Cancellation);
            while (await reader.ReadAsync(scope.Cancellation))
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }
        foreach (var (seq, data) in rows)
        {
            if (System.Text.Json.Nodes.JsonNode.Parse(data) is not System.Text.Json.Nodes.JsonObject json)
                continue;
            var changed = false;
            foreach (var (name, _) in json.ToList())
            {
                if (name.Equals(nameof(SubjectErasureRequestRecorded.SubjectKey), StringComparison.OrdinalIgnoreCase))
                    (json[name], changed) = (SubjectErasure.Erased, true);
                else if (name.Equals(nameof(SubjectErasureRequestRecorded.DateOfBirth), StringComparison.OrdinalIgnoreCase) && json[name] is not null)
                    (json[name], changed) = (null, true);
            }
            if (!changed)
                continue;
            await using var update = new NpgsqlCommand($"update {StoredRecords.Schema}.mt_events set data = @data::jsonb where seq_id = @seq", connection);
            update.Parameters.AddWithValue("data", json.ToJsonString());
            update.Parameters.AddWithValue("seq", seq);
            await update.ExecuteNonQueryAsync(scope.Cancellation);
        }
    }
}

/// <summary>An agency's answer arrived: recorded on the coordinator's request (once per agency), before the request's own record if need be.</summary>
public sealed class SubjectErasurePartReceivedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<SubjectErasurePartReceivedConsumer> logger)
    : InboxConsumer<SubjectErasurePartV1>(pipeline, service, logger)
{
    protected override async Task Handle(SubjectErasurePartV1 m, CommandScope scope, ConsumeContext<SubjectErasurePartV1> context)
    {
        var stream = await scope.Stream<ErasureRequest>(m.RequestId);
        var part = new ErasurePartReceived(m.RequestId, m.Agency, m.ErasureId, m.State, m.Records, m.RowsRewritten, m.Refusal, m.AnsweredAt);
        stream.AppendMany(stream.Aggregate is { } request ? request.Receive(part) : [part]);
    }
}
