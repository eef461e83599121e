using System.CommandLine;
using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Common;
using Masip.Contracts.Nhs;
using Masip.Contracts.Police;
using Masip.Contracts.Probation;
using Masip.Contracts.Work;

namespace Masip.Cli;

/// <summary>
/// `masip tasks ...`: the work the DMM and the Griffin meeting gave the caller's agency (issue 18),
/// from that agency's own service: `--as probation/probation-officer` lists probation's tasks.
/// </summary>
public static class TaskCommands
{
    private static readonly CliIdentity Officer = new("police", "stac-officer", "dev-police-stac-officer");

    public static Command Build(CliEnvironment env)
    {
        var tasks = new Command("tasks", "The caller's agency's tasks from meetings (default --as police/stac-officer)");
        var all = new Option<bool>("--all") { Description = "Include completed tasks" };
        tasks.Options.Add(all);
        tasks.Handle(env, Officer, async run =>
        {
            // Page through every task, soonest due first.
            var reply = new TasksReply { Page = new PageInfo() };
            var request = new ListTasksRequest { IncludeCompleted = run.Value(all), Page = new PageRequest { PageSize = 500 } };
            while (true)
            {
                var page = await Client(run).List(request, run.Call);
                reply.Tasks.AddRange(page.Tasks);
                reply.WithheldFields.AddRange(page.WithheldFields.Except(reply.WithheldFields));
                reply.Page = page.Page;
                if (page.Page is null || page.Page.NextPageToken.Length == 0)
                    break;
                request.Page.PageToken = page.Page.NextPageToken;
            }
            return run.Print(reply, () =>
            {
                var table = new Table("TASK", "DUE", "STATUS", "KIND", "ASSIGNEE", "CRIME REF", "MEETING");
                foreach (var t in reply.Tasks)
                    table.Row(t.TaskId, t.DueDate.Length > 0 ? t.DueDate : t.MeetingDate, t.Overdue ? "overdue" : t.Status, t.Kind, t.Assignee,
                        t.CrimeReference, $"{t.MeetingType} {t.MeetingDate}");
                table.WriteTo(run.Out, "no tasks");
                run.Withheld(reply.WithheldFields);
            });
        });
        tasks.Subcommands.Add(Complete(env));
        return tasks;
    }

    private static Command Complete(CliEnvironment env)
    {
        var taskId = new Argument<string>("task-id") { Description = "The task (an action's completion goes back to the meeting)" };
        var command = new Command("complete", "Complete one of the agency's tasks") { taskId };
        command.Handle(env, Officer, async run =>
        {
            var reply = await Client(run).Complete(new CompleteTaskRequest { TaskId = run.Value(taskId) }, run.Call);
            return run.Print(reply, () =>
            {
                run.Fields(("task", reply.TaskId), ("status", reply.Status), ("completed by", reply.CompletedBy), ("completed at", reply.CompletedAt));
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private sealed record WorkClient(
        Func<ListTasksRequest, CallOptions, Task<TasksReply>> List, Func<CompleteTaskRequest, CallOptions, Task<TaskReply>> Complete);

    /// <summary>The caller's agency's own service: each serves its tasks under its own name.</summary>
    private static WorkClient Client(Invocation run)
    {
        var agency = run.Identity.Agency;
        var channel = run.Channel(agency);
        return agency switch
        {
            "police" => new(async (r, o) => await new PoliceWork.PoliceWorkClient(channel).ListTasksAsync(r, o),
                async (r, o) => await new PoliceWork.PoliceWorkClient(channel).CompleteTaskAsync(r, o)),
            "probation" => new(async (r, o) => await new ProbationWork.ProbationWorkClient(channel).ListTasksAsync(r, o),
                async (r, o) => await new ProbationWork.ProbationWorkClient(channel).CompleteTaskAsync(r, o)),
            "nhs" => new(async (r, o) => await new NhsWork.NhsWorkClient(channel).ListTasksAsync(r, o),
                async (r, o) => await new NhsWork.NhsWorkClient(channel).CompleteTaskAsync(r, o)),
            "advocacy" => new(async (r, o) => await new AdvocacyWork.AdvocacyWorkClient(channel).ListTasksAsync(r, o),
                async (r, o) => await new AdvocacyWork.AdvocacyWorkClient(channel).CompleteTaskAsync(r, o)),
            _ => throw new UsageException($"tasks: {agency} has no task list"),
        };
    }
}
