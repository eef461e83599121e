using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Contracts.Work;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>
/// Issue 18 at probation: the NHS risk summary a PSR consultation shows (the newest in the NHS's
/// order), the SPO events kept for the person, and meeting decisions and actions as tasks, each
/// tolerating redelivery and older news delivered after newer.
/// </summary>
public sealed class ClosingTheLoopTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;

    public async Task InitializeAsync() => _probation = await StartAsync(bed, scanIntervalSeconds: 3600);

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private static RiskSummaryUpdatedV1 Risk(Guid perpetratorId, string violence, string summary) =>
        new(perpetratorId, Guid.NewGuid(), violence, "high", "moderate", "high", summary, DateTimeOffset.UtcNow);

    private async Task<string> Export(string consultationId) =>
        (await new PsrConsultations.PsrConsultationsClient(_probation.ChannelFor("psr"))
            .ExportPsrSummaryAsync(new ExportPsrSummaryRequest { ConsultationId = consultationId, Format = "markdown" })).Document;

    [Fact]
    public async Task A_PSR_export_shows_the_newest_NHS_risk_summary_and_an_older_one_delivered_late_changes_nothing()
    {
        var perpetratorId = Guid.NewGuid();
        var person = NewPerson(perpetratorId);
        await _probation.People.RegisterPersonAsync(person);
        var consultation = await new PsrConsultations.PsrConsultationsClient(_probation.ChannelFor("psr")).RequestPsrConsultationAsync(new RequestPsrConsultationRequest
        {
            ConsultationId = Guid.NewGuid().ToString(), PersonId = person.PersonId, Court = "Test Magistrates' Court", HearingDate = Date(37),
            DueDate = Date(30), Offence = "s4A", Requester = "writer-001", RequesterRole = "court-report-writer",
        });
        Assert.Contains("none shared by the NHS", await Export(consultation.ConsultationId));

        var nhs = Guid.NewGuid();
        await _probation.Publish(Risk(perpetratorId, "high", "NEWER summary"), Guid.NewGuid(), 200, nhs, 2);
        Assert.True(await Eventually.TrueAsync(async () => (await Export(consultation.ConsultationId)).Contains("NEWER summary"), TimeSpan.FromSeconds(30)));
        var older = Guid.NewGuid();
        await _probation.Publish(Risk(perpetratorId, "low", "OLDER summary"), older, 100, nhs, 1);
        await _probation.Consumed(older, "the older risk summary");

        var kept = await Export(consultation.ConsultationId);
        Assert.Contains("Risk of violence high", kept);
        Assert.Contains("NEWER summary", kept);
        Assert.DoesNotContain("OLDER", kept);
        Assert.Contains("(source: NHS, Stalking Risk Profile risk summary, assessed ", kept);
    }

    [Fact]
    public async Task SPO_events_are_kept_once_each_and_listed_in_the_police_order_whatever_order_they_arrive_in()
    {
        var perpetratorId = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow;
        var (breached, considered) = (Guid.NewGuid(), Guid.NewGuid());
        await _probation.Publish(new SpoEventV1(caseId, perpetratorId, "breached", "contact at the victim's work", now), breached, 20, caseId, 4);
        await _probation.Publish(new SpoEventV1(caseId, perpetratorId, "considered", "SPO considered", now.AddDays(-30)), considered, 10, caseId, 2);
        await _probation.Publish(new SpoEventV1(caseId, perpetratorId, "breached", "contact at the victim's work", now), breached, 20, caseId, 4);
        await _probation.Consumed(breached, "the breach");
        await _probation.Consumed(considered, "the consideration");

        var work = new ProbationWork.ProbationWorkClient(_probation.ChannelFor("case-management"));
        var list = await work.ListSpoEventsAsync(new ListSpoEventsRequest { PerpetratorId = perpetratorId.ToString() });
        Assert.Equal(["considered", "breached"], list.Events.Select(e => e.Kind));
        Assert.Equal(2, list.Page.Total);
        Assert.All(list.Events, e => Assert.Equal(("police", caseId.ToString()), (e.Source, e.CaseId)));
    }

    private static OrderChangedV1 Order(Guid orderId, Guid perpetratorId, string change, string status, int breaches) =>
        new(orderId, Guid.NewGuid(), "CRIS-ORDER-1", perpetratorId, change, "restraining-order", null, status,
            ["no contact with the protected person"], ["attend a stalking intervention programme"], new DateOnly(2026, 1, 5), new DateOnly(2027, 1, 5),
            status == "in-force" ? null : new DateOnly(2026, 6, 1), "Test Crown Court", breaches, DateTimeOffset.UtcNow);

    [Fact]
    public async Task An_order_copy_is_the_newest_the_police_published_and_an_older_one_delivered_late_or_a_redelivery_changes_nothing()
    {
        var (perpetratorId, orderId) = (Guid.NewGuid(), Guid.NewGuid());
        var (newer, older) = (Guid.NewGuid(), Guid.NewGuid());
        await _probation.Publish(Order(orderId, perpetratorId, "ended", "revoked", 2), newer, 300, orderId, 4);
        await _probation.Consumed(newer, "the newer order message");
        await _probation.Publish(Order(orderId, perpetratorId, "breached", "in-force", 1), older, 200, orderId, 3);
        await _probation.Consumed(older, "the older order message");
        await _probation.Publish(Order(orderId, perpetratorId, "ended", "revoked", 2), newer, 300, orderId, 4);
        await _probation.Publish(Order(Guid.NewGuid(), Guid.NewGuid(), "recorded", "in-force", 0), Guid.NewGuid(), 301, Guid.NewGuid(), 1);
        var sentinel = Guid.NewGuid();
        await _probation.Publish(Order(Guid.NewGuid(), Guid.NewGuid(), "recorded", "in-force", 0), sentinel, 302, Guid.NewGuid(), 1);
        await _probation.Consumed(sentinel, "a later order message");

        var work = new ProbationWork.ProbationWorkClient(_probation.ChannelFor("case-management"));
        var list = await work.ListOrdersAsync(new ListOrderCopiesRequest { PerpetratorId = perpetratorId.ToString() });
        var copy = Assert.Single(list.Orders);
        Assert.Equal((orderId.ToString(), "revoked", "ended", 2, "2026-06-01"), (copy.OrderId, copy.Status, copy.LastChange, copy.BreachCount, copy.EndedOn));
        Assert.Equal(("restraining-order", "police", 1L), (copy.Kind, copy.Source, list.Page.Total));
        Assert.Equal(["attend a stalking intervention programme"], copy.Requirements);
    }

    [Fact]
    public async Task A_Griffin_decision_probation_owns_is_its_task_once_and_a_decision_another_agency_owns_is_not()
    {
        var meetings = Guid.NewGuid();
        var ours = new GriffinDecisionRecordedV1(Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow), "item-1", "mappa-referral",
            "probation", null, Guid.NewGuid(), null, null, "GRIFFIN: refer to MAPPA level 2", "chair-1", DateTimeOffset.UtcNow);
        var theirs = new MeetingDecisionRecordedV1(Guid.NewGuid(), Guid.NewGuid(), DateOnly.FromDateTime(DateTime.UtcNow), "item-2", "safety-plan-review",
            "advocacy", Guid.NewGuid(), null, "CRIS-T-1", null, "review the safety plan", "chair-1", DateTimeOffset.UtcNow);
        var (first, again, other) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await _probation.Publish(theirs, other, 5, meetings, 1);
        await _probation.Publish(ours, first, 6, meetings, 1);
        await _probation.Publish(ours, again, 6, meetings, 1); // the same decision republished under another message id
        foreach (var id in new[] { first, again, other })
            await _probation.Consumed(id, "a meeting decision");

        var work = new ProbationWork.ProbationWorkClient(_probation.ChannelFor("griffin"));
        var task = Assert.Single((await work.ListTasksAsync(new ListTasksRequest())).Tasks);
        Assert.Equal(("decision", ours.DecisionId.ToString(), "mappa-referral", "griffin", "GRIFFIN: refer to MAPPA level 2", ""),
            (task.Origin, task.OriginId, task.Kind, task.MeetingType, task.GriffinDetail, task.Detail));
        Assert.False(task.Overdue);

        // For a DMM's purpose the Griffin detail is withheld.
        var dmm = new ProbationWork.ProbationWorkClient(_probation.ChannelFor("dmm"));
        var view = Assert.Single((await dmm.ListTasksAsync(new ListTasksRequest())).Tasks);
        Assert.Equal("", view.GriffinDetail);
    }

    [Fact]
    public async Task An_older_NHS_decision_delivered_after_a_newer_one_changes_nothing_and_others_referrals_are_not_kept()
    {
        var person = NewPerson(Guid.NewGuid());
        await _probation.People.RegisterPersonAsync(person);
        var referrals = new ProbationReferrals.ProbationReferralsClient(_probation.ChannelFor("referral"));
        var referral = await referrals.ReferToNhsAsync(new ReferToNhsRequest
        {
            ReferralId = Guid.NewGuid().ToString(), PersonId = person.PersonId, NhsService = "assessment", RiskLevel = "medium", Reason = "fixated",
        });
        var again = await referrals.ReferToNhsAsync(new ReferToNhsRequest
        {
            ReferralId = referral.ReferralId, PersonId = person.PersonId, NhsService = "assessment", RiskLevel = "medium", Reason = "fixated",
        });
        Assert.Equal(referral.ReferredAt, again.ReferredAt);
        var id = Guid.Parse(referral.ReferralId);
        var perpetrator = Guid.Parse(referral.PerpetratorId);
        var nhs = Guid.NewGuid();

        await _probation.Publish(new NhsReferralDecidedV1(id, perpetrator, true, null, DateTimeOffset.UtcNow), Guid.NewGuid(), 50, id, 2);
        Assert.True(await Eventually.TrueAsync(async () =>
            (await referrals.ListNhsReferralsAsync(new ListNhsReferralsRequest { PersonId = person.PersonId })).Referrals.Single().Outcome == "accepted",
            TimeSpan.FromSeconds(30)));
        var older = Guid.NewGuid();
        await _probation.Publish(new NhsReferralDecidedV1(id, perpetrator, false, "late decline", DateTimeOffset.UtcNow), older, 40, nhs, 1);
        var stranger = Guid.NewGuid();
        await _probation.Publish(new NhsReferralDecidedV1(Guid.NewGuid(), perpetrator, false, "not ours", DateTimeOffset.UtcNow), stranger, 60, nhs, 1);
        await _probation.Consumed(older, "the older NHS decision");
        await _probation.Consumed(stranger, "another referrer's NHS decision");

        var list = await referrals.ListNhsReferralsAsync(new ListNhsReferralsRequest());
        var kept = Assert.Single(list.Referrals);
        Assert.Equal(("accepted", ""), (kept.Outcome, kept.OutcomeReason));
    }
}
