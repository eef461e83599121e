using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Police.Clocks;
using Masip.Police.Restrictions;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using Microsoft.Extensions.Options;

namespace Masip.Police.Victims;

/// <summary>Safe contact with the victim (VictimContact): the preferences, through the command pipeline as the caller.</summary>
public sealed class VictimContactGrpc(CommandPipeline pipeline, TimeProvider clock, IOptions<ClockOptions> clocks) : VictimContact.VictimContactBase
{
    public override Task<CaseReply> RecordContactPreferences(RecordContactPreferencesRequest request, ServerCallContext context)
    {
        var command = new RecordContactPreferences(
            Require.Id(request.CaseId, "case_id"),
            [.. request.SafeNumbers.Select(n => Require.Text(n, "safe_numbers", 40))],
            Require.OptionalText(request.SafeTimes, "safe_times", 200),
            request.NoWithheldNumbers,
            request.InterpreterNeeded,
            Require.OptionalText(request.Language, "language", 60),
            Require.OptionalText(request.PreferredName, "preferred_name", 200),
            Require.OneOf(request.ContactOwnerRole, "contact_owner_role", ContactPreferencesDecision.OwnerRoles),
            Require.Text(request.ContactOwner, "contact_owner", 100));
        return pipeline.OnStream<StacCase, CaseReply>(context, command.CaseId, "case_id",
            (c, scope) => ContactPreferencesDecision.Decide(RestrictedAccess.CheckCommand(c, scope.Actor), command, scope.Actor, scope.Now),
            c => CaseReplies.ToReply(c, clock.GetUtcNow(), clocks.Value.VictimUpdateCadenceDays));
    }
}
