using Grpc.Core;
using Masip.Advocacy.Referrals.Contacting;
using Masip.Advocacy.VictimUpdates;
using Masip.Advocacy.VictimUpdates.GivingUpdates;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed partial class AdvocacyReferralsGrpc
{
    /// <summary>Logs the contact on the referral and, when it names an update task, completes the task in the same transaction.</summary>
    public override Task<ReferralReply> LogContact(LogContactRequest request, ServerCallContext context)
    {
        var command = new LogContact(
            Require.Id(request.ReferralId, "referral_id"),
            Require.OneOf(request.Channel, "channel", VictimContactsDecision.Channels),
            Require.Text(request.Summary, "summary"),
            string.IsNullOrWhiteSpace(request.TaskId) ? null : Require.Id(request.TaskId, "task_id"));
        return pipeline.Run(context,
            async scope =>
            {
                var contactId = Guid.CreateVersion7();
                var referral = await scope.Existing<Referral>(command.ReferralId, "referral_id");
                if (command.TaskId is { } taskId)
                {
                    var task = await scope.Existing<VictimUpdateTask>(taskId, "task_id");
                    task.AppendMany(GiveVictimUpdateDecision.Decide(task.Aggregate!, command.ReferralId, contactId, scope.Now));
                }
                referral.AppendMany(VictimContactsDecision.Log(referral.Aggregate!, command, contactId, scope.Actor, scope.Now));
            },
            async scope => ToReply(await scope.Require<Referral>(command.ReferralId, "referral_id")));
    }
}
