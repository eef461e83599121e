using Grpc.Core;
using Marten;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.VictimUpdates;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;

namespace Masip.Advocacy.Support;

public sealed partial class AdvocacySupportGrpc
{
    public override async Task<EpisodeReply> GetEpisode(GetEpisodeRequest request, ServerCallContext context) =>
        ToReply(await LoadEpisode(request.EpisodeId, context.CancellationToken));

    public override async Task<SafetyPlanReply> GetSafetyPlan(GetSafetyPlanRequest request, ServerCallContext context)
    {
        var episode = await LoadEpisode(request.EpisodeId, context.CancellationToken);
        if (episode.SafetyPlans.Count == 0)
            throw new RecordNotFoundException("episode_id", "the episode has no safety plan yet");
        var plan = request.Version == 0
            ? episode.SafetyPlans[^1]
            : episode.SafetyPlans.FirstOrDefault(p => p.Version == request.Version)
              ?? throw new RecordNotFoundException("version", $"the plan has versions 1 to {episode.SafetyPlanVersion}");
        return ToPlanReply(episode, plan);
    }

    /// <summary>What a team leader looks at: who holds how many cases (by advocate, paged), how many wait, how many updates are late.</summary>
    public override async Task<WorkloadReply> GetWorkload(GetWorkloadRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var after = Paging.After(request.Page);
        var caseloads = query.Query<AdvocateCaseload>();
        var page = await (after is null ? caseloads : caseloads.Where(c => c.AdvocateId.CompareTo(after) > 0))
            .OrderBy(c => c.AdvocateId).Take(size + 1).ToListAsync(ct);

        var reply = new WorkloadReply
        {
            AwaitingAllocationCount = await AllocationQueue().CountAsync(ct),
            OverdueUpdateCount = await query.Query<VictimUpdateTask>().Where(t => t.Status == UpdateTaskStatus.Open && t.Overdue).CountAsync(ct),
            Page = Paging.Info(page.Count > size ? page[size - 1].AdvocateId : null, await caseloads.CountAsync(ct)),
        };
        reply.Caseloads.AddRange(page.Take(size).Select(c => new Caseload
        {
            AdvocateId = c.AdvocateId, AdvocacyCases = c.OpenEpisodes.Count, Capacity = AdvocateCaseload.Capacity, BriefCases = c.BriefEpisodes.Count,
        }));
        return reply;
    }

    /// <summary>Highest risk first, then the longest waiting since triage. Offset pages: the queue drains as referrals are allocated.</summary>
    public override async Task<AllocationQueueReply> ListAllocationQueue(ListAllocationQueueRequest request, ServerCallContext context)
    {
        var ct = context.CancellationToken;
        var size = Paging.Size(request.Page);
        var offset = Paging.Offset(request.Page);
        var queue = AllocationQueue();
        var page = await queue.OrderByDescending(r => r.RiskRank).ThenBy(r => r.Triage!.TriagedAt).ThenBy(r => r.Id)
            .Skip(offset).Take(size).ToListAsync(ct);
        var reply = new AllocationQueueReply { Page = Paging.OffsetInfo(offset, page.Count, await queue.CountAsync(ct)) };
        reply.Referrals.AddRange(page.Select(r => new QueuedReferral
        {
            ReferralId = r.Id.ToString(),
            RiskLevel = r.Triage!.RiskLevel.ToString().ToLowerInvariant(),
            CrimeReference = r.CrimeReference ?? "",
            TriagedAt = Formats.Instant(r.Triage.TriagedAt),
        }));
        return reply;
    }

    private IQueryable<Referral> AllocationQueue() =>
        query.Query<Referral>().Where(r => r.AwaitingAllocation && r.Status == ReferralStatus.Accepted);

    private async Task<SupportEpisode> LoadEpisode(string episodeId, CancellationToken cancellationToken)
    {
        var id = Require.Id(episodeId, "episode_id");
        return await query.LoadAsync<SupportEpisode>(id, cancellationToken) ?? throw NotFound.For<SupportEpisode>("episode_id", id);
    }
}
