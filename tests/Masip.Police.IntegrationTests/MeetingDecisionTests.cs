using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Police.Reviews.MeetingDecisions;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>A tier change decided at the DMM or the Griffin meeting is applied by the police service, which stays the owner of tiers.</summary>
public sealed class MeetingDecisionTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _reviews = new StacReviews.StacReviewsClient(_host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> ReviewedAtTier1()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report() });
        return await _reviews.ReviewReportAsync(ReviewTests.Review(view.CaseId, tier: 1));
    }

    private Task<CaseReply> TierBecomes(string caseId, int tier) =>
        Eventually.ValueAsync(async () =>
        {
            var c = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = caseId });
            return c.Tier == tier ? c : null;
        }, TimeSpan.FromSeconds(30), $"case {caseId} at tier {tier}");

    [Fact]
    public async Task A_tier_change_decided_at_the_DMM_retiers_the_case_and_other_agencies_decisions_change_nothing()
    {
        var reviewed = await ReviewedAtTier1();
        var other = await ReviewedAtTier1();
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(Decision(other.CaseId, "tier-change", "probation", 3), c => c.MessageId = NewId.NextGuid());
        await bus.Publish(Decision(reviewed.CaseId, "tier-change", "police", 3), c => c.MessageId = NewId.NextGuid());

        var retiered = await TierBecomes(reviewed.CaseId, 3);
        Assert.Equal("chair-1", retiered.TierHistory[^1].TieredBy);
        var untouched = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = other.CaseId });
        Assert.Equal(1, untouched.Tier);
    }

    [Fact]
    public async Task An_older_tier_decision_arriving_after_a_newer_one_for_the_same_case_does_not_override_it()
    {
        var reviewed = await ReviewedAtTier1();
        var meetings = Guid.NewGuid();

        await PartnerNews.PublishAsync(_host, Decision(reviewed.CaseId, "tier-change", "police", 3), 500, meetings);
        await TierBecomes(reviewed.CaseId, 3);
        // Both meetings publish from one event store: a Griffin decision older than the DMM's is older news too.
        var olderDmm = await PartnerNews.PublishAsync(_host, Decision(reviewed.CaseId, "tier-change", "police", 2), 400, meetings);
        var olderGriffin = await PartnerNews.PublishAsync(_host, GriffinDecision(reviewed.CaseId, 1), 450, meetings);
        await PartnerNews.ConsumedAsync<MeetingDecisionRecordedConsumer>(_host, olderDmm);
        await PartnerNews.ConsumedAsync<GriffinDecisionRecordedConsumer>(_host, olderGriffin);

        var kept = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = reviewed.CaseId });
        Assert.Equal(3, kept.Tier);
        Assert.Equal([1, 3], kept.TierHistory.Select(t => t.Tier));

        await PartnerNews.PublishAsync(_host, GriffinDecision(reviewed.CaseId, 2), 600, meetings);
        var newer = await TierBecomes(reviewed.CaseId, 2);
        Assert.Equal([1, 3, 2], newer.TierHistory.Select(t => t.Tier));
    }

    private static MeetingDecisionRecordedV1 Decision(string caseId, string kind, string owner, int tier) => new(
        Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow), "item-1", kind, owner, Guid.Parse(caseId), null, null,
        tier, $"tier {tier}", "chair-1", DateTimeOffset.UtcNow);

    private static GriffinDecisionRecordedV1 GriffinDecision(string caseId, int tier) => new(
        Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow), "item-1", "tier-change", "police", Guid.Parse(caseId), null, null,
        tier, $"tier {tier}", "chair-1", DateTimeOffset.UtcNow);
}
