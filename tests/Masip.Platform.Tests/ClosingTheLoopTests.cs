using Masip.Contracts.Meetings;
using Masip.Contracts.Nhs;
using Masip.Contracts.Police;
using Masip.Contracts.Probation;
using Masip.Contracts.Work;
using Masip.Meetings;
using MeetingCalendar = Masip.Meetings.Calendar.MeetingCalendar;
using MeetingTypes = Masip.Meetings.Calendar.MeetingTypes;
using Masip.Nhs;
using Masip.Police;
using Masip.Probation;
using Masip.Testing;
using Xunit;
using MeetingsClient = Masip.Contracts.Meetings.Meetings.MeetingsClient;

namespace Masip.Platform.Tests;

/// <summary>
/// Closing the loop between agencies (issue 18), through RabbitMQ across four services: a DMM
/// decision to refer to the NHS is made by the police and lands on the NHS waiting list; it is
/// on two consecutive DMMs while it waits, and off once the NHS accepts; the police case shows the
/// acceptance. An action assigned to probation is a task there with its due date; overdue, it is
/// on the next DMM; completed there, it drops off. The NHS risk summary then reaches the PSR export
/// with its source and date.
/// </summary>
public sealed class ClosingTheLoopTests(TestBed bed) : IClassFixture<TestBed>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task A_DMM_referral_reaches_the_NHS_and_comes_back_and_a_probation_action_is_done_there_and_drops_off_the_agenda()
    {
        var meetings = await bed.StartAsync<MeetingsHost>(MeetingsHost.Name);
        var nhs = await bed.StartAsync<NhsHost>(NhsHost.Name);
        var probation = await bed.StartAsync<ProbationHost>(ProbationHost.Name);
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        var chair = new MeetingsClient(meetings.ChannelAs("police", "meeting-chair", "dmm", "chair-1"));
        var clinician = new NhsReferrals.NhsReferralsClient(nhs.ChannelAs("nhs", "clinician", subject: "clinician-1"));
        var probationWork = new ProbationWork.ProbationWorkClient(probation.ChannelAs("probation", "probation-officer", "case-management", "po-1"));

        // Police: a reviewed s4A case with an identified suspect, tiered.
        var reference = "CRIS-LOOP-" + Guid.NewGuid().ToString("N")[..8];
        var report = await new PoliceIntake.PoliceIntakeClient(police.Channel).ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = new CrimeReportRecord
        {
            CrimeReference = reference, ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
            OffenceDate = DateTime.UtcNow.Date.AddDays(-5).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
            SuspectName = "Test Suspect L1", SuspectDateOfBirth = "1979-03-03", SuspectPncId = $"98/{Random.Shared.Next(100000, 999999)}L",
            VictimName = "Test Victim L1", Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-18", Borough = "Borough L",
        }});
        await new StacReviews.StacReviewsClient(police.Channel).ReviewReportAsync(new ReviewReportRequest
        {
            CaseId = report.CaseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
            RiskRationale = "escalating", AdviceToOic = "refer for assessment", Tier = 2, TierReasons = "fixated",
        });

        // Two consecutive DMMs.
        var calendar = new MeetingCalendar();
        var first = calendar.Dates(MeetingTypes.Dmm, DateOnly.FromDateTime(DateTime.UtcNow), DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10)).Take(2).ToList();
        var today = await Schedule(chair, first[0]);
        var next = await Schedule(chair, first[1]);

        // The DMM decides to refer the perpetrator to the NHS; the police make the referral.
        var agenda = await Eventually.ValueAsync(async () =>
        {
            var a = await chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = today });
            return a.Items.Any(i => i.CrimeReference == reference && i.Type == "newly-tiered") ? a : null;
        }, Wait, "the tiered case on today's DMM");
        var item = agenda.Items.First(i => i.CrimeReference == reference && i.Type == "newly-tiered").ItemId;
        await chair.RecordDecisionAsync(new RecordDecisionRequest
        {
            MeetingId = today, DecisionId = Guid.NewGuid().ToString(), ItemId = item, Kind = "refer-to-nhs", OwnerAgency = "police",
            Detail = "assessment: fixated, escalating",
        });
        var referral = await Eventually.ValueAsync(async () =>
            (await clinician.ListWaitingListAsync(new ListWaitingListRequest())).Referrals.FirstOrDefault(r => r.CaseId == report.CaseId),
            Wait, "the DMM's referral on the NHS waiting list");
        Assert.Equal(report.PerpetratorId, referral.PerpetratorId);
        Assert.Equal("police", referral.Route);
        Assert.Contains("decided at the dmm meeting", referral.Reason);

        // Waiting for a decision, it is on both DMMs (the second comes after the first carried it).
        await Eventually.ValueAsync(async () => await PendingOn(chair, today, referral.ReferralId) ? "yes" : null, Wait, "the pending referral on today's DMM");
        Assert.True(await PendingOn(chair, next, referral.ReferralId), "the pending referral is on the next DMM too");

        // An action for probation, due today: a task there with its due date, and overdue on the next DMM.
        var actionId = Guid.NewGuid().ToString();
        await chair.AssignActionAsync(new AssignActionRequest
        {
            ActionId = actionId, MeetingId = today, ItemId = item, Description = "check licence conditions", OwnerAgency = "probation",
            Assignee = "po-1", DueDate = first[0].ToString("yyyy-MM-dd"),
        });
        var task = await Eventually.ValueAsync(async () =>
            (await probationWork.ListTasksAsync(new ListTasksRequest())).Tasks.FirstOrDefault(t => t.OriginId == actionId),
            Wait, "the action as a task at probation");
        Assert.Equal(("action", today, first[0].ToString("yyyy-MM-dd"), "po-1", "open"), (task.Origin, task.MeetingId, task.DueDate, task.Assignee, task.Status));
        Assert.Equal("check licence conditions", task.Detail);
        Assert.True(await ActionOn(chair, next, actionId), "the open, overdue action is on the next DMM");

        // The NHS accepts: the police case shows it, and the referral leaves the next DMM.
        await clinician.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId });
        var referrals = new PoliceReferrals.PoliceReferralsClient(police.ChannelAs("police", "stac-officer", "case-management"));
        var shown = await Eventually.ValueAsync(async () =>
            (await referrals.ListCaseReferralsAsync(new ListCaseReferralsRequest { CaseId = report.CaseId })).Referrals
                .FirstOrDefault(r => r.ReferralId == referral.ReferralId && r.Outcome != "awaiting"),
            Wait, "the NHS decision on the police case");
        Assert.Equal(("nhs", "accepted"), (shown.Receiver, shown.Outcome));
        await Eventually.ValueAsync(async () => await PendingOn(chair, next, referral.ReferralId) ? null : "gone", Wait, "the decided referral off the next DMM");

        // Probation completes its task: the action closes at the meetings service and drops off the next DMM.
        var completed = await probationWork.CompleteTaskAsync(new CompleteTaskRequest { TaskId = task.TaskId });
        Assert.Equal(("completed", "po-1"), (completed.Status, completed.CompletedBy));
        await Eventually.ValueAsync(async () =>
            (await chair.ListOpenActionsAsync(new ListOpenActionsRequest { OwnerAgency = "probation" })).Actions.All(a => a.ActionId != actionId) ? "closed" : null,
            Wait, "the action closed at the meetings service");
        Assert.False(await ActionOn(chair, next, actionId), "the completed action is off the next DMM");

        // The NHS assesses: the PSR consultation for the person probation manages shows the risk summary, its source and date.
        await new NhsAssessments.NhsAssessmentsClient(nhs.ChannelAs("nhs", "clinician")).CompleteAssessmentAsync(new CompleteAssessmentRequest
        {
            AssessmentId = Guid.NewGuid().ToString(), ReferralId = referral.ReferralId,
            RiskOfViolence = new SrpRating { Level = "high", Rationale = "RATIONALE-SECRET" },
            Persistence = new SrpRating { Level = "high", Rationale = "RATIONALE-SECRET" },
            Recurrence = new SrpRating { Level = "moderate", Rationale = "RATIONALE-SECRET" },
            PsychologicalDamage = new SrpRating { Level = "high", Rationale = "RATIONALE-SECRET" },
            Formulation = "FORMULATION-SECRET", MullenTypes = { "rejected" }, RiskSummary = "LOOP: high risk of persistence around court dates.",
        });
        var officer = probation.ChannelAs("probation", "probation-officer", "case-management", "po-1");
        var person = await new ProbationPeople.ProbationPeopleClient(officer).RegisterPersonAsync(new RegisterPersonRequest
        {
            PersonId = Guid.NewGuid().ToString(), Name = "Test Suspect L1", DateOfBirth = "1979-03-03", PerpetratorId = report.PerpetratorId,
        });
        var psr = new PsrConsultations.PsrConsultationsClient(probation.ChannelAs("probation", "probation-officer", "psr", "po-1"));
        var consultation = await psr.RequestPsrConsultationAsync(new RequestPsrConsultationRequest
        {
            ConsultationId = Guid.NewGuid().ToString(), PersonId = person.PersonId, Court = "Test Magistrates' Court",
            HearingDate = DateTime.UtcNow.Date.AddDays(30).ToString("yyyy-MM-dd"), DueDate = DateTime.UtcNow.Date.AddDays(20).ToString("yyyy-MM-dd"),
            Offence = "s4A", Requester = "writer-18", RequesterRole = "court-report-writer",
        });
        var export = await Eventually.ValueAsync(async () =>
        {
            var e = await psr.ExportPsrSummaryAsync(new ExportPsrSummaryRequest { ConsultationId = consultation.ConsultationId, Format = "markdown" });
            return e.Document.Contains("LOOP:") ? e : null;
        }, Wait, "the NHS risk summary in the PSR export");
        Assert.Contains("## NHS risk summary", export.Document);
        Assert.Contains("source: NHS", export.Document);
        Assert.Matches(@"assessed \d{4}-\d{2}-\d{2}T", export.Document);
        Assert.Contains("LOOP:", export.NhsRiskSummary);
        Assert.Contains($"s4A, Tier 2, risk high, crime reference {reference} (source: police (STAC), tiered ", export.Document);
        Assert.DoesNotContain("SECRET", export.ToString());
    }

    [Fact]
    public async Task Probation_refers_a_person_to_the_NHS_and_sees_the_NHS_outcome()
    {
        var nhs = await bed.StartAsync<NhsHost>(NhsHost.Name);
        var probation = await bed.StartAsync<ProbationHost>(ProbationHost.Name);
        var officer = probation.ChannelAs("probation", "probation-officer", "referral", "po-2");
        var person = await new ProbationPeople.ProbationPeopleClient(probation.ChannelAs("probation", "probation-officer", "case-management"))
            .RegisterPersonAsync(new RegisterPersonRequest { PersonId = Guid.NewGuid().ToString(), Name = "Test Person P2", DateOfBirth = "1982-02-02" });
        var referrals = new ProbationReferrals.ProbationReferralsClient(officer);
        var referral = await referrals.ReferToNhsAsync(new ReferToNhsRequest
        {
            ReferralId = Guid.NewGuid().ToString(), PersonId = person.PersonId, NhsService = "intervention", RiskLevel = "high",
            Reason = "SPO requirement: stalking intervention programme",
        });
        Assert.Equal(("awaiting", "po-2"), (referral.Outcome, referral.ReferredBy));

        var clinician = new NhsReferrals.NhsReferralsClient(nhs.ChannelAs("nhs", "clinician", subject: "clinician-2"));
        var waiting = await Eventually.ValueAsync(async () =>
            (await clinician.ListWaitingListAsync(new ListWaitingListRequest())).Referrals.FirstOrDefault(r => r.ReferralId == referral.ReferralId),
            Wait, "the probation referral on the NHS waiting list");
        Assert.Equal(("probation", "intervention", "high", "Test Person P2"), (waiting.Route, waiting.Service, waiting.RiskLevel, waiting.PerpetratorName));

        await clinician.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = referral.ReferralId, Reason = "already in treatment elsewhere" });
        var outcome = await Eventually.ValueAsync(async () =>
            (await referrals.ListNhsReferralsAsync(new ListNhsReferralsRequest { PersonId = person.PersonId })).Referrals
                .FirstOrDefault(r => r.ReferralId == referral.ReferralId && r.Outcome != "awaiting"),
            Wait, "the NHS outcome at probation");
        Assert.Equal(("declined", "already in treatment elsewhere"), (outcome.Outcome, outcome.OutcomeReason));
    }

    private static async Task<string> Schedule(MeetingsClient chair, DateOnly date)
    {
        var id = Guid.NewGuid().ToString();
        await chair.ScheduleMeetingAsync(new ScheduleMeetingRequest
        {
            MeetingId = id, Type = "dmm", Date = date.ToString("yyyy-MM-dd"), Chair = "chair-1",
            Attendees =
            {
                new Attendee { Agency = "police", Role = "meeting-chair", Person = "chair-1" },
                new Attendee { Agency = "probation", Role = "probation-officer", Person = "po-1" },
                new Attendee { Agency = "nhs", Role = "clinician", Person = "clinician-1" },
            },
        });
        return id;
    }

    private static async Task<bool> PendingOn(MeetingsClient chair, string meetingId, string referralId) =>
        (await chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meetingId })).Items
            .Any(i => i.Type == "referral-awaiting-decision" && i.Sources.Any(s => s.Kind == "referral" && s.Id == referralId));

    private static async Task<bool> ActionOn(MeetingsClient chair, string meetingId, string actionId) =>
        (await chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meetingId })).Items
            .Any(i => i.Type == "action-overdue" && i.ItemId == $"action:{actionId}");
}
