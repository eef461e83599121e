using Marten;
using Masip.Advocacy.VictimUpdates;
using Masip.Advocacy.VictimUpdates.GivingUpdates;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.Contacting;

/// <summary>Logs the contact on the referral and, when it names an update task, completes the task in the same transaction.</summary>
public sealed class LogContactHandler(IDocumentStore store, TimeProvider clock)
{
    public async Task<Referral> Handle(LogContact command, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        var contactId = Guid.CreateVersion7();
        var referral = await session.Events.FetchForWriting<Referral>(command.ReferralId, cancellationToken);
        var current = referral.Aggregate ?? throw new RecordNotFoundException("referral_id", $"no referral {command.ReferralId}");
        if (command.TaskId is { } taskId)
        {
            var task = await session.Events.FetchForWriting<VictimUpdateTask>(taskId, cancellationToken);
            var open = task.Aggregate ?? throw new RecordNotFoundException("task_id", $"no update task {taskId}");
            task.AppendMany(GiveVictimUpdateDecision.Decide(open, current.Id, contactId, now));
        }
        referral.AppendMany(VictimContactsDecision.Log(current, command, contactId, now));
        await session.SaveChangesAsync(cancellationToken);
        return (await session.LoadAsync<Referral>(command.ReferralId, cancellationToken))!;
    }
}
