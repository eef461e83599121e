using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;
using Masip.Contracts.Work;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>
/// Issue 18 at the NHS: a probation referral joins the waiting list once; a decision and an action
/// the NHS owns are its tasks once; SPO events about a person are kept once each and listed in the
/// police's order, whatever order they arrive in.
/// </summary>
public sealed class ClosingTheLoopTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed);

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    private NhsWork.NhsWorkClient Work(string purpose = "case-management") => new(_nhs.Host.ChannelAs("nhs", "clinician", purpose, "clinician-3"));

    [Fact]
    public async Task A_probation_referral_redelivered_joins_the_waiting_list_once()
    {
        var referral = new ProbationReferredToNhsV1(Guid.NewGuid(), Guid.NewGuid(), "Test Person N3", new DateOnly(1981, 1, 1), null, "intervention",
            "High", "SPO requirement: intervention programme", "po-3", DateTimeOffset.UtcNow);
        await _nhs.PublishAsync(referral, Guid.NewGuid());
        await _nhs.PublishAsync(referral, Guid.NewGuid());
        await _nhs.AllConsumedAsync<ProbationReferredToNhsV1>("probation-referred-to-nhs");

        var waiting = (await _nhs.Referrals.ListWaitingListAsync(new ListWaitingListRequest { Page = new() { PageSize = 500 } }))
            .Referrals.Where(r => r.ReferralId == referral.ReferralId.ToString()).ToList();
        var one = Assert.Single(waiting);
        Assert.Equal(("probation", "high", "po-3"), (one.Route, one.RiskLevel, one.Referrer));
        // Probation's reason is served in probation's class, never as police intelligence.
        Assert.Equal(("", "SPO requirement: intervention programme"), (one.Reason, one.ProbationReason));
        Assert.Equal(1, await _nhs.EventCountAsync(referral.ReferralId));
    }

    [Fact]
    public async Task Work_the_NHS_owns_is_its_task_once_and_SPO_events_are_listed_in_the_police_order()
    {
        var meeting = Guid.NewGuid();
        var decision = new MeetingDecisionRecordedV1(Guid.NewGuid(), meeting, DateOnly.FromDateTime(DateTime.UtcNow), "item-1", "refer", "nhs",
            Guid.NewGuid(), Guid.NewGuid(), "CRIS-N-1", null, "assessment within 2 weeks", "chair-1", DateTimeOffset.UtcNow);
        var action = new GriffinActionAssignedV1(Guid.NewGuid(), meeting, DateOnly.FromDateTime(DateTime.UtcNow), "item-2", "nhs", null, Guid.NewGuid(),
            null, "GRIFFIN: share the risk summary", "clinician-3", DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7), DateTimeOffset.UtcNow);
        var notOurs = decision with { DecisionId = Guid.NewGuid(), OwnerAgency = "advocacy", Kind = "safety-plan-review" };
        foreach (var message in new[] { decision, decision, notOurs })
            await _nhs.PublishAsync(message, Guid.NewGuid());
        await _nhs.PublishAsync(action, Guid.NewGuid());
        await _nhs.PublishAsync(action, Guid.NewGuid());

        var perpetrator = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        await _nhs.PublishAsync(new SpoEventV1(caseId, perpetrator, "full-granted", "full SPO granted, 2 years", now), Guid.NewGuid(),
            new MessageSource(30, caseId, 3));
        await _nhs.PublishAsync(new SpoEventV1(caseId, perpetrator, "applied", "applied at magistrates' court", now.AddDays(-10)), Guid.NewGuid(),
            new MessageSource(20, caseId, 2));
        await _nhs.AllConsumedAsync<MeetingDecisionRecordedV1>("nhs-meeting-decision-recorded");
        await _nhs.AllConsumedAsync<GriffinActionAssignedV1>("nhs-griffin-action-assigned");
        await _nhs.AllConsumedAsync<SpoEventV1>("nhs-spo-event");

        var tasks = (await Work("griffin").ListTasksAsync(new ListTasksRequest())).Tasks;
        Assert.Equal(2, tasks.Count);
        var fromDecision = tasks.Single(t => t.Origin == "decision");
        var fromAction = tasks.Single(t => t.Origin == "action");
        Assert.Equal((decision.DecisionId.ToString(), "refer", "assessment within 2 weeks", ""), (fromDecision.OriginId, fromDecision.Kind, fromDecision.Detail, fromDecision.DueDate));
        Assert.Equal((action.ActionId.ToString(), "GRIFFIN: share the risk summary", "clinician-3"), (fromAction.OriginId, fromAction.GriffinDetail, fromAction.Assignee));
        // Soonest due first: the decision (due at its meeting) before the action due in a week.
        Assert.Equal(["decision", "action"], tasks.Select(t => t.Origin));

        var spo = await Work().ListSpoEventsAsync(new ListSpoEventsRequest { PerpetratorId = perpetrator.ToString() });
        Assert.Equal(["applied", "full-granted"], spo.Events.Select(e => e.Kind));
    }
}
