using Grpc.Core;
using MassTransit;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Messages;
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
    private Advocacy _advocacy = null!;
    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name, new Dictionary<string, string?>
        {
            ["Advocacy:VictimUpdates:DueAfter"] = "00:00:03",
            ["Advocacy:VictimUpdates:ScanInterval"] = "00:00:00.300",
        }));
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
        var overdue = await Eventually.ValueAsync(() => Task.FromResult(_broker.Overdue.Select(o => o.Message)
            .FirstOrDefault(m => m.CaseId == charge.CaseId)), TimeSpan.FromSeconds(30), "VictimUpdateOverdueV1");
        Assert.Equal((task.TaskId, "charge", referral.CrimeReference), (overdue.TaskId.ToString(), overdue.Kind, overdue.CrimeReference));

        await Task.Delay(TimeSpan.FromSeconds(2)); // several more scans
        Assert.Single(_broker.Overdue, o => o.Message.TaskId == overdue.TaskId);
        var workload = await _advocacy.Support.GetWorkloadAsync(new GetWorkloadRequest());
        Assert.Contains(workload.OverdueUpdates, t => t.TaskId == task.TaskId);
        var listed = await _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Status = "overdue" });
        Assert.Contains(listed.Tasks, t => t.TaskId == task.TaskId && t.Overdue);
    }

    [Fact]
    public async Task Logging_the_update_completes_the_task_and_no_alert_follows()
    {
        var referral = await _advocacy.Accepted();
        await _advocacy.Referrals.AgreeUpdatePreferencesAsync(new AgreeUpdatePreferencesRequest
            { ReferralId = referral.ReferralId, CadenceDays = 7, Channel = "phone", AgreedBy = "advocate-001" });
        var nfa = CaseEvent(referral.CrimeReference, "nfa");
        await _broker.Publish(nfa, NewId.NextGuid());
        var task = await TaskFor(nfa.CaseId);

        var updated = await _advocacy.Referrals.LogContactAsync(new LogContactRequest
        {
            ReferralId = referral.ReferralId, Channel = "phone", Summary = "told of the NFA decision and the right to review",
            ContactedBy = "advocate-001", TaskId = task.TaskId,
        });
        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(new LogContactRequest
        {
            ReferralId = referral.ReferralId, Channel = "phone", Summary = "again", ContactedBy = "advocate-001", TaskId = task.TaskId,
        }).ResponseAsync, StatusCode.FailedPrecondition, "task_id");

        var contact = Assert.Single(updated.Contacts);
        Assert.Equal(("phone", task.TaskId), (contact.Channel, contact.TaskId));
        Assert.Equal((7, "phone"), (updated.UpdatePreferences.CadenceDays, updated.UpdatePreferences.Channel));
        var done = await _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Status = "done" });
        Assert.Contains(done.Tasks, t => t.TaskId == task.TaskId);
        await Task.Delay(TimeSpan.FromSeconds(5)); // past the due time, several scans
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
        await TaskFor(granted.CaseId);
        var sentinel = CaseEvent(referral.CrimeReference, "court-date");
        await _broker.Publish(sentinel, NewId.NextGuid());
        await TaskFor(sentinel.CaseId);

        var tasks = (await _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest())).Tasks;
        Assert.Single(tasks, t => t.CaseId == granted.CaseId.ToString());
    }

    [Fact]
    public async Task Bad_contact_and_preference_input_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var referral = await _advocacy.Accepted();
        LogContactRequest Contact(string channel = "email", string taskId = "") =>
            new() { ReferralId = referral.ReferralId, Channel = channel, Summary = "s", ContactedBy = "advocate-001", TaskId = taskId };

        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(Contact(channel: "pigeon")).ResponseAsync, StatusCode.InvalidArgument, "channel");
        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(Contact(taskId: Guid.NewGuid().ToString())).ResponseAsync, StatusCode.NotFound, "task_id");
        await Advocacy.Refused(() => _advocacy.Referrals.AgreeUpdatePreferencesAsync(new AgreeUpdatePreferencesRequest
            { ReferralId = referral.ReferralId, CadenceDays = 0, Channel = "phone", AgreedBy = "advocate-001" }).ResponseAsync, StatusCode.InvalidArgument, "cadence_days");
        await Advocacy.Refused(() => _advocacy.Referrals.LogContactAsync(new LogContactRequest
            { ReferralId = Guid.NewGuid().ToString(), Channel = "email", Summary = "s", ContactedBy = "a" }).ResponseAsync, StatusCode.NotFound, "referral_id");

        var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId });
        Assert.Empty(stored.Contacts);
        Assert.Null(stored.UpdatePreferences);
        await Advocacy.Refused(() => _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest { Status = "lost" }).ResponseAsync, StatusCode.InvalidArgument, "status");
    }

    private static CaseEventForVictimV1 CaseEvent(string crimeReference, string kind) =>
        new(Guid.NewGuid(), crimeReference, kind, $"{kind} recorded by the officer in the case", DateTimeOffset.UtcNow);

    private Task<UpdateTask> TaskFor(Guid caseId) => Eventually.ValueAsync(async () =>
        (await _advocacy.Support.ListUpdateTasksAsync(new ListUpdateTasksRequest())).Tasks.FirstOrDefault(t => t.CaseId == caseId.ToString()),
        TimeSpan.FromSeconds(30), $"the update task for case {caseId}");
}
