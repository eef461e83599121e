using Grpc.Core;
using Marten;
using Masip.Contracts.Meetings;
using Masip.Meetings.Actions;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings;

/// <summary>The actions still to do.</summary>
public sealed partial class MeetingsGrpc
{
    /// <summary>
    /// Open actions, soonest due first, then by action id, a page at a time: the token is the last
    /// action's place in that order (keyset), so completing actions between pages skips nothing.
    /// </summary>
    public override async Task<ListActionsReply> ListOpenActions(ListOpenActionsRequest request, ServerCallContext context)
    {
        var agency = string.IsNullOrEmpty(request.OwnerAgency) ? null : Require.OneOf(request.OwnerAgency, "owner_agency", Attendees.Agencies);
        var assignee = Require.OptionalText(request.Assignee, "assignee");
        var size = Paging.Size(request.Page);
        var after = Paging.After(request.Page);
        if (after is not null && (after.Length != 40 || !after.All(char.IsAsciiHexDigitLower)))
            throw new InvalidFieldException("page.page_token", "is not a token this service gave");

        var open = query.Query<MeetingAction>().Where(a => a.Open);
        if (agency is not null)
            open = open.Where(a => a.OwnerAgency == agency);
        if (assignee is not null)
            open = open.Where(a => a.Assignee == assignee);
        // Griffin actions are police, probation and NHS business only.
        if (context.Sharing().Caller.Agency == "advocacy")
            open = open.Where(a => a.MeetingType != MeetingTypes.Griffin);

        var ct = context.CancellationToken;
        var total = await open.CountAsync(ct);
        var page = after is null ? open : open.Where(a => a.DueOrder.CompareTo(after) > 0);
        var actions = await page.OrderBy(a => a.DueOrder).Take(size + 1).ToListAsync(ct);
        var reply = new ListActionsReply();
        reply.Actions.AddRange(actions.Take(size).Select(ToReply));
        reply.Page = Paging.Info(actions.Count > size ? actions[size - 1].DueOrder : null, total);
        return reply;
    }
}
