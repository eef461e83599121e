using Grpc.Core;
using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;
using Masip.ServiceDefaults.Messaging;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>Referrals in (police message and RecordReferral), the waiting list, accept and decline.</summary>
public sealed class ReferralsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed, new Dictionary<string, string?>
    {
        ["Masip:Messaging:RetryLimit"] = "1",
        ["Masip:Messaging:RetryMinMilliseconds"] = "50",
    });

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    private const string PoliceReferrals = "perpetrator-referred-to-nhs";

    private Task<NhsReferralReply> ArrivesAsync(Guid referralId) => Eventually.ValueAsync(async () =>
        (await WaitingAsync()).FirstOrDefault(r => r.ReferralId == referralId.ToString()),
        TimeSpan.FromSeconds(30), $"referral {referralId} on the waiting list");

    /// <summary>The whole waiting list, page by page.</summary>
    private async Task<List<NhsReferralReply>> WaitingAsync(int pageSize = 500)
    {
        var all = new List<NhsReferralReply>();
        var request = new ListWaitingListRequest { Page = new() { PageSize = pageSize } };
        while (true)
        {
            var page = await _nhs.Referrals.ListWaitingListAsync(request);
            all.AddRange(page.Referrals);
            if (page.Page.NextPageToken.Length == 0)
                return all;
            request.Page.PageToken = page.Page.NextPageToken;
        }
    }

    [Fact]
    public async Task A_police_referral_on_the_broker_joins_the_waiting_list_exactly_once_under_redelivery()
    {
        var message = Samples.PoliceReferral("high");
        var messageId = NewId.NextGuid();

        await _nhs.PublishAsync(message, messageId);
        var entry = await ArrivesAsync(message.ReferralId);
        await _nhs.PublishAsync(message, messageId);
        var sentinel = Samples.PoliceReferral();
        await _nhs.PublishAsync(sentinel, NewId.NextGuid());
        await ArrivesAsync(sentinel.ReferralId);
        await _nhs.AllConsumedAsync<PerpetratorReferredToNhsV1>(PoliceReferrals);

        Assert.Equal(("police", "waiting", "high", message.PerpetratorName, message.PerpetratorId.ToString()),
            (entry.Route, entry.Status, entry.RiskLevel, entry.PerpetratorName, entry.PerpetratorId));
        Assert.Equal(message.CaseId.ToString(), entry.CaseId);
        Assert.Equal(1, await _nhs.EventCountAsync(message.ReferralId));
        Assert.Equal(1, await _nhs.ScalarAsync("select count(*) from masip.mt_doc_inboxrecord where data ->> 'MessageId' = @id::text", messageId));
        Assert.Single(await WaitingAsync(), r => r.ReferralId == message.ReferralId.ToString());
        // The DMM hears once that it waits for a decision (ids, route and risk level only).
        await _nhs.PublishedAsync<ReferralAwaitingDecisionV1>(m => m.ReferralId == sentinel.ReferralId, "the sentinel's pending message");
        var pending = Assert.Single(_nhs.Published<ReferralAwaitingDecisionV1>(), m => m.ReferralId == message.ReferralId);
        Assert.Equal((ReferralAwaitingDecisionV1.Nhs, "police", (Guid?)message.CaseId, (Guid?)message.PerpetratorId, (string?)"high", (string?)null),
            (pending.Agency, pending.Source, pending.CaseId, pending.PerpetratorId, pending.RiskLevel, pending.CrimeReference));
    }

    [Fact]
    public async Task The_same_police_referral_under_a_new_message_id_is_still_one_referral()
    {
        var message = Samples.PoliceReferral("medium");
        var again = NewId.NextGuid();

        await _nhs.PublishAsync(message, NewId.NextGuid());
        await ArrivesAsync(message.ReferralId);
        await _nhs.PublishAsync(message, again);
        await _nhs.AllConsumedAsync<PerpetratorReferredToNhsV1>(PoliceReferrals);

        Assert.Equal(1, await _nhs.ScalarAsync("select count(*) from masip.mt_doc_inboxrecord where data ->> 'MessageId' = @id::text", again));
        Assert.Equal(1, await _nhs.EventCountAsync(message.ReferralId));
    }

    /// <summary>
    /// The consumer only creates, so it needs no ordering guard: a copy of the referral that comes
    /// back late (an older position, a new message id so the inbox does not catch it) after the
    /// clinician decided changes nothing, and the decision stands.
    /// </summary>
    [Fact]
    public async Task A_police_referral_arriving_again_late_after_the_decision_changes_nothing()
    {
        var message = Samples.PoliceReferral("medium");
        var stream = Guid.NewGuid();
        await _nhs.PublishAsync(message, NewId.NextGuid(), new MessageSource(2000, stream, 1));
        await ArrivesAsync(message.ReferralId);
        var accepted = await _nhs.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = message.ReferralId.ToString() });

        await _nhs.PublishAsync(message, NewId.NextGuid(), new MessageSource(1000, stream, 1));
        await _nhs.AllConsumedAsync<PerpetratorReferredToNhsV1>(PoliceReferrals);

        var stored = await _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = message.ReferralId.ToString() });
        Assert.Equal(("accepted", accepted.DecidedAt), (stored.Status, stored.DecidedAt));
        Assert.Equal(2, await _nhs.EventCountAsync(message.ReferralId));
        Assert.DoesNotContain(await WaitingAsync(), r => r.ReferralId == message.ReferralId.ToString());
    }

    [Fact]
    public async Task A_different_police_referral_under_a_used_id_is_ignored_and_the_first_stands()
    {
        var message = Samples.PoliceReferral("standard");
        await _nhs.PublishAsync(message, NewId.NextGuid());
        await ArrivesAsync(message.ReferralId);

        var alteredId = NewId.NextGuid();
        await _nhs.PublishAsync(message with { RiskLevel = "high", Reason = "altered" }, alteredId);
        Assert.True(await Eventually.TrueAsync(async () => await _nhs.ScalarAsync(
            "select count(*) from masip.mt_doc_inboxrecord where data ->> 'MessageId' = @id::text", alteredId) == 1, TimeSpan.FromSeconds(30)),
            "the altered message was consumed (not faulted)");

        var stored = await _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = message.ReferralId.ToString() });
        Assert.Equal(("standard", message.Reason), (stored.RiskLevel, stored.Reason));
        Assert.Equal(1, await _nhs.EventCountAsync(message.ReferralId));
    }

    [Fact]
    public async Task A_referral_recorded_by_probation_keeps_its_route_and_can_be_read_back()
    {
        var request = Samples.Referral("probation", "medium");

        var recorded = await _nhs.Referrals.RecordReferralAsync(request);
        var again = await _nhs.Referrals.RecordReferralAsync(request);
        var read = await _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = request.ReferralId });

        Assert.Equal(("probation", "waiting", "medium", "1985-04-12"), (read.Route, read.Status, read.RiskLevel, read.DateOfBirth));
        Assert.Equal(request.PerpetratorName, read.PerpetratorName);
        Assert.Equal(recorded.ReceivedAt, again.ReceivedAt);
        Assert.Equal(1, await _nhs.EventCountAsync(Guid.Parse(request.ReferralId)));
    }

    [Fact]
    public async Task A_different_referral_under_a_used_id_is_AlreadyExists_and_the_first_stands()
    {
        var request = Samples.Referral();
        await _nhs.Referrals.RecordReferralAsync(request);
        var altered = request.Clone();
        altered.Reason = "another reason";

        await NhsWorld.FailsAsync(StatusCode.AlreadyExists, "referral_id", () => _nhs.Referrals.RecordReferralAsync(altered).ResponseAsync);

        // The sample is a probation referral: its reason is served in probation's class.
        Assert.Equal(request.Reason, (await _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = request.ReferralId })).ProbationReason);
    }

    [Theory]
    [InlineData("route", "hospital")]
    [InlineData("risk_level", "extreme")]
    [InlineData("perpetrator_name", "")]
    [InlineData("date_of_birth", "12/04/1985")]
    public async Task Bad_input_is_InvalidArgument_naming_the_field_and_nothing_is_stored(string field, string value)
    {
        var request = Samples.Referral();
        RecordReferralRequest.Descriptor.FindFieldByName(field).Accessor.SetValue(request, value);

        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, field, () => _nhs.Referrals.RecordReferralAsync(request).ResponseAsync);

        await NhsWorld.FailsAsync(StatusCode.NotFound, "referral_id",
            () => _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = request.ReferralId }).ResponseAsync);
    }

    [Fact]
    public async Task The_waiting_list_puts_the_highest_risk_first_then_the_longest_waiting()
    {
        var order = new[] { ("standard", "a"), ("high", "b"), ("medium", "c"), ("high", "d") };
        var ids = new Dictionary<string, string>();
        foreach (var (risk, name) in order)
        {
            var request = Samples.Referral("court", risk);
            ids[request.ReferralId] = name;
            await _nhs.Referrals.RecordReferralAsync(request);
        }

        var waiting = await WaitingAsync(pageSize: 1);

        var mine = waiting.Where(r => ids.ContainsKey(r.ReferralId)).Select(r => ids[r.ReferralId]);
        Assert.Equal(["b", "d", "c", "a"], mine);
        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "page.page_size",
            () => _nhs.Referrals.ListWaitingListAsync(new ListWaitingListRequest { Page = new() { PageSize = 501 } }).ResponseAsync);
    }

    [Fact]
    public async Task Accepting_a_referral_takes_it_off_the_waiting_list_and_tells_the_partners()
    {
        var request = Samples.Referral();
        await _nhs.Referrals.RecordReferralAsync(request);

        var accepted = await _nhs.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = request.ReferralId });
        var again = await _nhs.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = request.ReferralId });

        Assert.Equal(("accepted", "test-nhs-clinician"), (accepted.Status, accepted.DecidedBy));
        Assert.Equal(accepted.DecidedAt, again.DecidedAt);
        Assert.DoesNotContain(await WaitingAsync(), r => r.ReferralId == request.ReferralId);
        var decided = await _nhs.PublishedAsync<NhsReferralDecidedV1>(m => m.ReferralId.ToString() == request.ReferralId, "NhsReferralDecidedV1");
        Assert.True(decided.Accepted);
        Assert.Null(decided.Reason);
        Assert.Equal(request.PerpetratorId, decided.PerpetratorId.ToString());
    }

    [Fact]
    public async Task Declining_a_referral_records_the_reason_and_publishes_it()
    {
        var request = Samples.Referral();
        await _nhs.Referrals.RecordReferralAsync(request);

        var declined = await _nhs.Referrals.DeclineReferralAsync(new DeclineReferralRequest
        {
            ReferralId = request.ReferralId, Reason = "already under a community mental health team",
        });

        Assert.Equal(("declined", "already under a community mental health team"), (declined.Status, declined.DeclineReason));
        var decided = await _nhs.PublishedAsync<NhsReferralDecidedV1>(m => m.ReferralId.ToString() == request.ReferralId, "NhsReferralDecidedV1");
        Assert.False(decided.Accepted);
        Assert.Equal("already under a community mental health team", decided.Reason);
        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "referral_id", () => _nhs.Referrals.AcceptReferralAsync(
            new AcceptReferralRequest { ReferralId = request.ReferralId }).ResponseAsync);
    }

    [Fact]
    public async Task Declining_without_a_reason_is_InvalidArgument_and_the_referral_still_waits()
    {
        var request = Samples.Referral();
        await _nhs.Referrals.RecordReferralAsync(request);

        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "reason", () => _nhs.Referrals.DeclineReferralAsync(
            new DeclineReferralRequest { ReferralId = request.ReferralId, Reason = " " }).ResponseAsync);

        Assert.Equal("waiting", (await _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = request.ReferralId })).Status);
        Assert.Equal(1, await _nhs.EventCountAsync(Guid.Parse(request.ReferralId)));
    }

    [Fact]
    public async Task Deciding_an_unknown_referral_is_NotFound_and_creates_nothing()
    {
        var id = Guid.NewGuid();

        await NhsWorld.FailsAsync(StatusCode.NotFound, "referral_id", () => _nhs.Referrals.AcceptReferralAsync(
            new AcceptReferralRequest { ReferralId = id.ToString() }).ResponseAsync);
        await NhsWorld.FailsAsync(StatusCode.NotFound, "referral_id", () => _nhs.Referrals.DeclineReferralAsync(
            new DeclineReferralRequest { ReferralId = id.ToString(), Reason = "r" }).ResponseAsync);

        Assert.Equal(0, await _nhs.EventCountAsync(id));
    }
}
