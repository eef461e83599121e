using Grpc.Core;
using Marten;
using Marten.Linq.MatchesSql;
using Masip.Advocacy.Lists;
using Masip.Advocacy.VictimUpdates;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Advocacy.Support;

public sealed partial class AdvocacySupportGrpc
{
    private static readonly Dictionary<string, string> TaskStatuses = new[] { "open", "done", "overdue" }.ToDictionary(s => s);

    /// <summary>Most overdue first: the earliest due time, then the task id; keyset pages.</summary>
    public override async Task<ListUpdateTasksReply> ListUpdateTasks(ListUpdateTasksRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var after = InstantKey.After(request.Page);
        IQueryable<VictimUpdateTask> tasks = query.Query<VictimUpdateTask>();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            tasks = Require.OneOf(request.Status, "status", TaskStatuses) switch
            {
                "open" => tasks.Where(t => t.Status == UpdateTaskStatus.Open),
                "done" => tasks.Where(t => t.Status == UpdateTaskStatus.Done),
                _ => tasks.Where(t => t.Status == UpdateTaskStatus.Open && t.Overdue),
            };
        }
        var total = await tasks.CountAsync(ct);
        if (after is { } key)
            tasks = tasks.Where(t => t.MatchesSql(VictimUpdateTask.AfterKeySql, key.At, key.Id));
        var (page, next) = await InstantKey.Page(tasks.OrderBy(t => t.DueAt).ThenBy(t => t.Id), size, t => InstantKey.Of(t.DueAt, t.Id), ct);

        var reply = new ListUpdateTasksReply { Page = Paging.Info(next, total) };
        reply.Tasks.AddRange(page.Select(ToReply));
        return reply;
    }

    private static UpdateTask ToReply(VictimUpdateTask task) => new()
    {
        TaskId = task.Id.ToString(),
        CaseId = task.CaseId.ToString(),
        CrimeReference = task.CrimeReference,
        ReferralId = task.ReferralId?.ToString() ?? "",
        Kind = task.Kind,
        Summary = task.Summary,
        DueAt = Formats.Instant(task.DueAt),
        Status = task.Status.ToString().ToLowerInvariant(),
        Overdue = task.Overdue,
        DoneAt = task.DoneAt is { } done ? Formats.Instant(done) : "",
    };
}
