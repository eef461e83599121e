using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Contracts.Work;
using Masip.Police.Referrals.Outcomes;
using Masip.Police.Reviews.MeetingDecisions;
using Masip.Police.Work;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>
/// Issue 18 at the police: what partners decided on the police's referrals shows on the case (the
/// newest decision in the receiver's order stands); a meeting's referral decision is made once as
/// the police's own referral; a meeting's action for the police is a task on their list, once.
/// </summary>
public sealed class ClosingTheLoopTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private PoliceReferrals.PoliceReferralsClient _referrals = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _referrals = new PoliceReferrals.PoliceReferralsClient(_host.ChannelAs("police", "stac-officer", "case-management"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<CaseReply> ReviewedCase()
    {
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(pnc: Synthetic.UniquePnc()) });
        return await new StacReviews.StacReviewsClient(_host.Channel).ReviewReportAsync(ReviewTests.Review(view.CaseId, tier: 2));
    }

    private Task<CaseReferralReply> OutcomeBecomes(string caseId, string referralId, string outcome) =>
        Eventually.ValueAsync(async () =>
            (await _referrals.ListCaseReferralsAsync(new ListCaseReferralsRequest { CaseId = caseId })).Referrals
                .FirstOrDefault(r => r.ReferralId == referralId && r.Outcome == outcome),
            TimeSpan.FromSeconds(30), $"referral {referralId} {outcome}");

    [Fact]
    public async Task An_advocacy_decision_shows_on_the_case_and_an_older_one_delivered_late_changes_nothing()
    {
        var reviewed = await ReviewedCase();
        var referral = await new PoliceReferrals.PoliceReferralsClient(_host.Channel).ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CrimeReference = reviewed.CrimeReference, VictimName = "Test Victim R1", Reason = "wants support",
        });
        var id = Guid.Parse(referral.ReferralId);
        var advocacy = Guid.NewGuid();

        var pending = await _referrals.ListCaseReferralsAsync(new ListCaseReferralsRequest { CaseId = reviewed.CaseId });
        Assert.Equal(("advocacy", "awaiting"), (pending.Referrals.Single().Receiver, pending.Referrals.Single().Outcome));

        await PartnerNews.PublishAsync(_host, new AdvocacyReferralDecidedV1(id, reviewed.CrimeReference, false, "could not contact: three attempts",
            DateTimeOffset.UtcNow), 200, advocacy);
        var notReached = await OutcomeBecomes(reviewed.CaseId, referral.ReferralId, "could-not-contact");
        Assert.Equal("could not contact: three attempts", notReached.OutcomeReason);

        // Older in advocacy's order: delivered late, it changes nothing.
        var older = await PartnerNews.PublishAsync(_host, new AdvocacyReferralDecidedV1(id, reviewed.CrimeReference, true, null,
            DateTimeOffset.UtcNow), 100, advocacy);
        await PartnerNews.ConsumedAsync<AdvocacyReferralDecidedConsumer>(_host, older);
        var kept = await _referrals.ListCaseReferralsAsync(new ListCaseReferralsRequest { CaseId = reviewed.CaseId });
        Assert.Equal("could-not-contact", kept.Referrals.Single().Outcome);

        await PartnerNews.PublishAsync(_host, new AdvocacyReferralDecidedV1(id, reviewed.CrimeReference, false, "declined support",
            DateTimeOffset.UtcNow), 300, advocacy);
        var declined = await OutcomeBecomes(reviewed.CaseId, referral.ReferralId, "declined");
        Assert.Equal("declined support", declined.OutcomeReason);

        // A helpline referral advocacy decided on is not the police's to keep.
        var helpline = Guid.NewGuid();
        var notOurs = await PartnerNews.PublishAsync(_host, new AdvocacyReferralDecidedV1(helpline, null, true, null, DateTimeOffset.UtcNow), 400, advocacy);
        await PartnerNews.ConsumedAsync<AdvocacyReferralDecidedConsumer>(_host, notOurs);
        await using var session = _host.Services.GetRequiredService<Marten.IDocumentStore>().QuerySession();
        Assert.Null(await session.LoadAsync<ReferralOutcome>(helpline));
        Assert.NotNull(await session.LoadAsync<ReferralOutcome>(id));
    }

    [Fact]
    public async Task A_DMM_referral_decision_is_made_once_however_often_it_is_delivered_and_an_NHS_decision_on_it_shows()
    {
        var reviewed = await ReviewedCase();
        var decision = new MeetingDecisionRecordedV1(Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow), "item-1", "refer-to-nhs",
            "police", Guid.Parse(reviewed.CaseId), null, reviewed.CrimeReference, null, "intervention: fixated", "chair-1", DateTimeOffset.UtcNow);
        var meetings = Guid.NewGuid();
        var first = await PartnerNews.PublishAsync(_host, decision, 10, meetings);
        var again = await PartnerNews.PublishAsync(_host, decision, 10, meetings); // a republished page: another message id
        await PartnerNews.ConsumedAsync<MeetingDecisionRecordedConsumer>(_host, first);
        await PartnerNews.ConsumedAsync<MeetingDecisionRecordedConsumer>(_host, again);

        var referrals = (await _referrals.ListCaseReferralsAsync(new ListCaseReferralsRequest { CaseId = reviewed.CaseId })).Referrals;
        var made = Assert.Single(referrals);
        Assert.Equal(("nhs", "intervention", "chair-1", "awaiting"), (made.Receiver, made.Request, made.ReferredBy, made.Outcome));

        // A decision on a referral the police did not make is not theirs to keep.
        var stranger = await PartnerNews.PublishAsync(_host, new NhsReferralDecidedV1(Guid.NewGuid(), Guid.NewGuid(), true, null, DateTimeOffset.UtcNow), 5, Guid.NewGuid());
        await PartnerNews.ConsumedAsync<NhsReferralDecidedConsumer>(_host, stranger);
        await PartnerNews.PublishAsync(_host, new NhsReferralDecidedV1(Guid.Parse(made.ReferralId), Guid.Parse(reviewed.PerpetratorId), false,
            "not suitable for intervention", DateTimeOffset.UtcNow), 7, Guid.NewGuid());
        var declined = await OutcomeBecomes(reviewed.CaseId, made.ReferralId, "declined");
        Assert.Equal("not suitable for intervention", declined.OutcomeReason);
    }

    [Fact]
    public async Task A_meeting_action_for_the_police_is_a_task_once_and_one_for_another_agency_is_not()
    {
        var reviewed = await ReviewedCase();
        var work = new PoliceWork.PoliceWorkClient(_host.ChannelAs("police", "stac-officer", "case-management", "officer-7"));
        MeetingActionAssignedV1 Action(string owner) => new(Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow), "item-1", owner,
            Guid.Parse(reviewed.CaseId), null, reviewed.CrimeReference, "apply for an interim SPO", "officer-7",
            DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), DateTimeOffset.UtcNow);
        var ours = Action("police");
        var theirs = Action("probation");
        var meetings = Guid.NewGuid();
        var notOurs = await PartnerNews.PublishAsync(_host, theirs, 1, meetings);
        await PartnerNews.PublishAsync(_host, ours, 2, meetings);
        var redelivered = await PartnerNews.PublishAsync(_host, ours, 2, meetings);
        await PartnerNews.ConsumedAsync<MeetingActionConsumer>(_host, notOurs);
        await PartnerNews.ConsumedAsync<MeetingActionConsumer>(_host, redelivered);

        var tasks = (await work.ListTasksAsync(new ListTasksRequest { IncludeCompleted = true })).Tasks;
        var task = Assert.Single(tasks);
        Assert.Equal((ours.ActionId.ToString(), "action", reviewed.CaseId, true, "apply for an interim SPO"),
            (task.OriginId, task.Origin, task.CaseId, task.Overdue, task.Detail));

        var done = await work.CompleteTaskAsync(new CompleteTaskRequest { TaskId = task.TaskId });
        var doneAgain = await work.CompleteTaskAsync(new CompleteTaskRequest { TaskId = task.TaskId });
        Assert.Equal(("completed", "officer-7", false), (done.Status, done.CompletedBy, done.Overdue));
        Assert.Equal(done.CompletedAt, doneAgain.CompletedAt);
        Assert.Empty((await work.ListTasksAsync(new ListTasksRequest())).Tasks);
    }
}
