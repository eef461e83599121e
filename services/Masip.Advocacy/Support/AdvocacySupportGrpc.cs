using Grpc.Core;
using Marten;
using Masip.Advocacy.Infrastructure;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support.Allocating;
using Masip.Advocacy.Support.Closing;
using Masip.Advocacy.Support.SafetyPlans;
using Masip.Advocacy.VictimUpdates;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Support;

public sealed class AdvocacySupportGrpc(
    IQuerySession query, EventStreams streams, AllocateSupportHandler allocate, CloseEpisodeHandler close)
    : AdvocacySupport.AdvocacySupportBase
{
    private static readonly Dictionary<string, string> TaskStatuses = new[] { "open", "done", "overdue" }.ToDictionary(s => s);

    public override async Task<EpisodeReply> AllocateSupport(AllocateSupportRequest request, ServerCallContext context)
    {
        var command = new AllocateSupport(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.AdvocateId, "advocate_id", 100));
        return ToReply(await allocate.Handle(command, context.CancellationToken));
    }

    public override async Task<EpisodeReply> CloseEpisode(CloseEpisodeRequest request, ServerCallContext context)
    {
        var command = new CloseEpisode(Require.Id(request.EpisodeId, "episode_id"),
            Require.OneOf(request.Outcome, "outcome", CloseEpisodeDecision.Outcomes),
            Require.OptionalText(request.Notes, "notes"), Require.Text(request.ClosedBy, "closed_by", 100));
        return ToReply(await close.Handle(command, context.CancellationToken));
    }

    public override async Task<EpisodeReply> GetEpisode(GetEpisodeRequest request, ServerCallContext context) =>
        ToReply(await LoadEpisode(request.EpisodeId, context.CancellationToken));

    public override async Task<SafetyPlanReply> ReviseSafetyPlan(ReviseSafetyPlanRequest request, ServerCallContext context)
    {
        var command = new ReviseSafetyPlan(
            Require.Id(request.EpisodeId, "episode_id"),
            request.Measures.Select(m => Require.Text(m, "measures", 500)).ToList(),
            Require.Text(request.RevisedBy, "revised_by", 100),
            request.ExpectedVersion > 0 ? request.ExpectedVersion : null);
        var episode = await streams.Decide<SupportEpisode>(command.EpisodeId, "episode_id",
            (current, now) => ReviseSafetyPlanDecision.Decide(current, command, now), context.CancellationToken);
        return ToPlanReply(episode, episode.SafetyPlans[^1]);
    }

    public override async Task<SafetyPlanReply> GetSafetyPlan(GetSafetyPlanRequest request, ServerCallContext context)
    {
        var episode = await LoadEpisode(request.EpisodeId, context.CancellationToken);
        if (episode.SafetyPlans.Count == 0)
            throw new RecordNotFoundException("episode_id", "the episode has no safety plan yet");
        if (request.Version < 0)
            throw new InvalidFieldException("version", "must be 0 (current) or a version number");
        var plan = request.Version == 0
            ? episode.SafetyPlans[^1]
            : episode.SafetyPlans.FirstOrDefault(p => p.Version == request.Version)
              ?? throw new RecordNotFoundException("version", $"the plan has versions 1 to {episode.SafetyPlanVersion}");
        return ToPlanReply(episode, plan);
    }

    public override async Task<ListUpdateTasksReply> ListUpdateTasks(ListUpdateTasksRequest request, ServerCallContext context)
    {
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
        var list = await tasks.OrderBy(t => t.DueAt).Take(500).ToListAsync(context.CancellationToken);
        var reply = new ListUpdateTasksReply();
        reply.Tasks.AddRange(list.Select(ToReply));
        return reply;
    }

    /// <summary>What a team leader looks at: who holds how many cases, who waits (highest risk first), which updates are late.</summary>
    public override async Task<WorkloadReply> GetWorkload(GetWorkloadRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var caseloads = await query.Query<AdvocateCaseload>().OrderBy(c => c.AdvocateId).Take(500).ToListAsync(ct);
        var queue = await query.Query<Referral>()
            .Where(r => r.AwaitingAllocation && r.Status == ReferralStatus.Accepted)
            .OrderByDescending(r => r.RiskRank).ThenBy(r => r.Triage!.TriagedAt)
            .Take(500).ToListAsync(ct);
        var brief = (await query.Query<SupportEpisode>()
                .Where(e => e.Status == EpisodeStatus.Open && e.Level == SupportLevel.Brief)
                .Select(e => e.AdvocateId).Take(10000).ToListAsync(ct))
            .CountBy(a => a).ToDictionary();
        var overdue = await query.Query<VictimUpdateTask>()
            .Where(t => t.Status == UpdateTaskStatus.Open && t.Overdue)
            .OrderBy(t => t.DueAt).Take(500).ToListAsync(ct);

        var reply = new WorkloadReply();
        reply.Caseloads.AddRange(caseloads.Select(c => new Caseload
        {
            AdvocateId = c.AdvocateId, AdvocacyCases = c.OpenEpisodes.Count, Capacity = AdvocateCaseload.Capacity,
            BriefCases = brief.GetValueOrDefault(c.AdvocateId),
        }));
        reply.Caseloads.AddRange(brief.Keys.Except(caseloads.Select(c => c.AdvocateId)).Order().Select(a => new Caseload
        {
            AdvocateId = a, AdvocacyCases = 0, Capacity = AdvocateCaseload.Capacity, BriefCases = brief[a],
        }));
        reply.AllocationQueue.AddRange(queue.Select(r => new QueuedReferral
        {
            ReferralId = r.Id.ToString(),
            RiskLevel = r.Triage!.RiskLevel.ToString().ToLowerInvariant(),
            CrimeReference = r.CrimeReference ?? "",
            TriagedAt = Formats.Instant(r.Triage.TriagedAt),
        }));
        reply.OverdueUpdates.AddRange(overdue.Select(ToReply));
        return reply;
    }

    private async Task<SupportEpisode> LoadEpisode(string episodeId, CancellationToken cancellationToken)
    {
        var id = Require.Id(episodeId, "episode_id");
        return await query.LoadAsync<SupportEpisode>(id, cancellationToken)
            ?? throw new RecordNotFoundException("episode_id", $"no episode {id}");
    }

    private static EpisodeReply ToReply(SupportEpisode episode) => new()
    {
        EpisodeId = episode.Id.ToString(),
        ReferralId = episode.ReferralId.ToString(),
        AdvocateId = episode.AdvocateId,
        Level = episode.Level.ToString().ToLowerInvariant(),
        RiskLevel = episode.RiskLevel.ToString().ToLowerInvariant(),
        Status = episode.Status.ToString().ToLowerInvariant(),
        OpenedAt = Formats.Instant(episode.OpenedAt),
        Outcome = episode.Outcome ?? "",
        OutcomeNotes = episode.OutcomeNotes ?? "",
        ClosedAt = episode.ClosedAt is { } closed ? Formats.Instant(closed) : "",
        SafetyPlanVersion = episode.SafetyPlanVersion,
    };

    private static SafetyPlanReply ToPlanReply(SupportEpisode episode, SafetyPlanVersion plan)
    {
        var reply = new SafetyPlanReply
        {
            EpisodeId = episode.Id.ToString(),
            ReferralId = episode.ReferralId.ToString(),
            Version = plan.Version,
            RevisedBy = plan.RevisedBy,
            RevisedAt = Formats.Instant(plan.RevisedAt),
        };
        reply.Measures.AddRange(plan.Measures);
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
