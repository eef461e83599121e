using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>A tier change decided at the DMM is applied by the police service, which stays the owner of tiers.</summary>
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

    [Fact]
    public async Task A_tier_change_decided_at_the_DMM_retiers_the_case_and_other_agencies_decisions_change_nothing()
    {
        var reviewed = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report() });
        await _reviews.ReviewReportAsync(ReviewTests.Review(reviewed.CaseId, tier: 1));
        var other = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report() });
        await _reviews.ReviewReportAsync(ReviewTests.Review(other.CaseId, tier: 1));
        var bus = _host.Services.GetRequiredService<IBus>();

        await bus.Publish(Decision(other.CaseId, "tier-change", "probation", 3), c => c.MessageId = NewId.NextGuid());
        await bus.Publish(Decision(reviewed.CaseId, "tier-change", "police", 3), c => c.MessageId = NewId.NextGuid());

        var retiered = await Eventually.ValueAsync(async () =>
        {
            var c = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = reviewed.CaseId });
            return c.Tier == 3 ? c : null;
        }, TimeSpan.FromSeconds(30), "the DMM's tier change applied by the police");
        Assert.Equal(3, retiered.Tier);
        var untouched = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = other.CaseId });
        Assert.Equal(1, untouched.Tier);
    }

    private static MeetingDecisionRecordedV1 Decision(string caseId, string kind, string owner, int tier) => new(
        Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow), "item-1", kind, owner, Guid.Parse(caseId), null, null,
        tier, $"tier {tier}", "chair-1", DateTimeOffset.UtcNow);
}
