using Grpc.Core;
using MassTransit;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Common;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>
/// Victims' Code: a police case event becomes an update task with a due time; an update not
/// given in time raises VictimUpdateOverdueV1 once; a logged contact completes a task. Tasks
/// here are due 3 s after the event and the overdue check runs every 300 ms.
/// </summary>
public sealed class VictimUpdatesTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private static long _sequence = 1000;
    private Advocacy _advocacy = null!;
    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, new Dictionary<string, string?>
        {
            ["Advocacy:VictimUpdates:DueAfter"] = "00:00:03",
            ["Advocacy:VictimUpdates:ScanInterval"] = "00:00:00.300",
        }), bed);
        _broker = await Broker.StartAsync(bed);
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_charge_creates_an_update_task_and_leaving_it_undone_publishes_the_overdue_alert_once()
    {
        var referral = await _advocacy.Accepted();
        var charge = CaseEvent(referral.CrimeReference, "charge");

        await _broker.Publish(charge, NewId.NextGuid());
        var task = await TaskFor(charge.CaseId);

        Assert.Equal(("charge", "open", referral.ReferralId), (task.Kind, task.Status, task.ReferralId));
        Assert.Equal(charge.OccurredAt.AddSeconds(3).ToUnixTimeMilliseconds(), DateTimeOffset.Parse(task.DueAt).ToUnixTimeMilliseconds());
        var overdue = await OverdueAlertFor(charge.CaseId);
        Assert.Equal((task.TaskId, "charge", referral.CrimeReference), (overdue.TaskId.ToString(), overdue.Kind, overdue.CrimeReference));

        // Many scans later (a task published after this one, due later, is alerted): still one alert for this task.
        await OverdueAlertFor((await Published(CaseEvent(referral.CrimeReference, "bail"))).CaseId);
        Assert.Single(_broker.Overdue, o => o.Message.TaskId == overdue.TaskId);
        var workload = await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest());
        Assert.True(workload.OverdueUpdateCount >= 2);
        var listed = await _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Status = "overdue", Page = new PageRequest { PageSize = 500 } });
        Assert.Contains(listed.Tasks, t => t.TaskId == task.TaskId && t.Overdue);
        Assert.All(listed.Tasks, t => Assert.True(t.Overdue && t.Status == "open"));
    }

    [Fact]
    public async Task Logging_the_update_completes_the_task_by_the_caller_and_no_alert_follows()
    {
        var referral = await _advocacy.Accepted();
        var advocate = _advocacy.ReferralsAs("advocate-041");
        await advocate.AgreeUpdatePreferencesAsync(new AgreeUpdatePreferencesRequest { ReferralId = referral.ReferralId, CadenceDays = 7, Channel = "phone" });
        var nfa = await Published(CaseEvent(referral.CrimeReference, "nfa"));
        var task = await TaskFor(nfa.CaseId);

        var updated = await advocate.LogContactAsync(new LogContactRequest
        {
            ReferralId = referral.ReferralId, Channel = "phone", Summary = "told of the NFA decision and the right to review", TaskId = task.TaskId,
        });
        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(new LogContactRequest
        {
            ReferralId = referral.ReferralId, Channel = "phone", Summary = "again", TaskId = task.TaskId,
        }).ResponseAsync, StatusCode.FailedPrecondition, "task_id");

        var contact = Assert.Single(updated.Contacts);
        Assert.Equal(("phone", task.TaskId, "advocate-041"), (contact.Channel, contact.TaskId, contact.ContactedBy));
        Assert.Equal((7, "phone", "advocate-041"), (updated.UpdatePreferences.CadenceDays, updated.UpdatePreferences.Channel, updated.UpdatePreferences.AgreedBy));
        var done = await _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Status = "done", Page = new PageRequest { PageSize = 500 } });
        Assert.Contains(done.Tasks, t => t.TaskId == task.TaskId);
        // A task opened after this one, so due after it, is alerted: the scans passed this task's due time.
        await OverdueAlertFor((await Published(CaseEvent(referral.CrimeReference, "court-date"))).CaseId);
        Assert.DoesNotContain(_broker.Overdue, o => o.Message.CaseId == nfa.CaseId);
        Assert.Single((await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId })).Contacts);
    }

    [Fact]
    public async Task A_case_event_delivered_twice_makes_one_task()
    {
        var referral = await _advocacy.Accepted();
        var granted = CaseEvent(referral.CrimeReference, "spo-granted");
        var messageId = NewId.NextGuid();

        await _broker.Publish(granted, messageId);
        await _broker.Publish(granted, messageId);
        await _advocacy.Consumed.Await(messageId, times: 2);

        Assert.Single(await TasksOf(granted.CaseId));
    }

    [Fact]
    public async Task The_same_police_event_published_again_under_another_message_id_makes_one_task()
    {
        var referral = await _advocacy.Accepted();
        var charge = CaseEvent(referral.CrimeReference, "charge");
        var at = Position();
        var (first, second) = (NewId.NextGuid(), NewId.NextGuid());

        await _broker.Publish(charge, first, at);
        await _advocacy.Consumed.Await(first);
        await _broker.Publish(charge, second, at);
        await _advocacy.Consumed.Await(second);

        Assert.Single(await TasksOf(charge.CaseId));
    }

    /// <summary>Issue 13.3: retries reorder messages. A case's older event arriving after a newer one opens nothing.</summary>
    [Fact]
    public async Task An_older_case_event_delivered_after_a_newer_one_opens_no_task_and_a_newer_one_still_does()
    {
        var referral = await _advocacy.Accepted();
        var caseId = Guid.NewGuid();
        var (older, newer, newest) = (Position(), Position(), Position());
        var (courtDate, charge, bail) = (NewId.NextGuid(), NewId.NextGuid(), NewId.NextGuid());

        await _broker.Publish(CaseEvent(referral.CrimeReference, "court-date", caseId), courtDate, newer);
        await _advocacy.Consumed.Await(courtDate);
        await _broker.Publish(CaseEvent(referral.CrimeReference, "charge", caseId), charge, older);
        await _advocacy.Consumed.Await(charge);
        Assert.Equal(["court-date"], (await TasksOf(caseId)).Select(t => t.Kind));

        await _broker.Publish(CaseEvent(referral.CrimeReference, "bail", caseId), bail, newest);
        await _advocacy.Consumed.Await(bail);
        Assert.Equal(["bail", "court-date"], (await TasksOf(caseId)).Select(t => t.Kind).Order());
    }

    [Fact]
    public async Task Bad_contact_and_preference_input_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var referral = await _advocacy.Accepted();
        LogContactRequest Contact(string channel = "email", string taskId = "") =>
            new() { ReferralId = referral.ReferralId, Channel = channel, Summary = "s", TaskId = taskId };

        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(Contact(channel: "pigeon")).ResponseAsync, StatusCode.InvalidArgument, "channel");
        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(Contact(taskId: Guid.NewGuid().ToString())).ResponseAsync, StatusCode.NotFound, "task_id");
        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(Contact(taskId: "task-1")).ResponseAsync, StatusCode.InvalidArgument, "task_id");
        await Advocacy.Refused(() => _advocacy.Referrals.AgreeUpdatePreferencesAsync(new AgreeUpdatePreferencesRequest
            { ReferralId = referral.ReferralId, CadenceDays = 0, Channel = "phone" }).ResponseAsync, StatusCode.InvalidArgument, "cadence_days");
        await Advocacy.Refused(() => _advocacy.Referrals.AgreeUpdatePreferencesAsync(new AgreeUpdatePreferencesRequest
            { ReferralId = referral.ReferralId, CadenceDays = 365, Channel = "phone" }).ResponseAsync, StatusCode.InvalidArgument, "cadence_days");
        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(new LogContactRequest
            { ReferralId = Guid.NewGuid().ToString(), Channel = "email", Summary = "s" }).ResponseAsync, StatusCode.NotFound, "referral_id");

        var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId });
        Assert.Empty(stored.Contacts);
        Assert.Null(stored.UpdatePreferences);
        await Advocacy.Refused(() => _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Status = "lost" }).ResponseAsync, StatusCode.InvalidArgument, "status");
    }

    private static CaseEventForVictimV1 CaseEvent(string crimeReference, string kind, Guid? caseId = null) =>
        new(caseId ?? Guid.NewGuid(), crimeReference, kind, $"{kind} recorded by the officer in the case", DateTimeOffset.UtcNow);

    /// <summary>A police event store position, later than every one this class gave before.</summary>
    private static MessageSource Position()
    {
        var sequence = Interlocked.Increment(ref _sequence);
        return new MessageSource(sequence, Guid.NewGuid(), 1);
    }

    private async Task<CaseEventForVictimV1> Published(CaseEventForVictimV1 message)
    {
        await _broker.Publish(message, NewId.NextGuid());
        return message;
    }

    private Task<VictimUpdateOverdueV1> OverdueAlertFor(Guid caseId) => Eventually.ValueAsync(() => Task.FromResult(_broker.Overdue
            .Select(o => o.Message).FirstOrDefault(m => m.CaseId == caseId)),
        TimeSpan.FromSeconds(30), $"VictimUpdateOverdueV1 for case {caseId}");

    private async Task<List<UpdateTask>> TasksOf(Guid caseId) =>
        (await _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Page = new PageRequest { PageSize = 500 } }))
            .Tasks.Where(t => t.CaseId == caseId.ToString()).ToList();

    private Task<UpdateTask> TaskFor(Guid caseId) => Eventually.ValueAsync(async () => (await TasksOf(caseId)).FirstOrDefault(),
        TimeSpan.FromSeconds(30), $"the update task for case {caseId}");
}
