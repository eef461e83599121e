using Grpc.Core;
using MassTransit;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Messages;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>Referrals in (message and gRPC), duplicates, accept and decline with the decision published.</summary>
public sealed class ReferralsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private Advocacy _advocacy = null!;
    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name));
        _broker = await Broker.StartAsync(bed);
    }

    public async Task DisposeAsync() => await _broker.DisposeAsync();

    [Fact]
    public async Task A_police_referral_delivered_twice_lands_as_one_pending_referral()
    {
        var message = PoliceReferral("CRIS-IT-POLICE-1", "Test Person 501");
        var messageId = NewId.NextGuid();

        await _broker.Publish(message, messageId);
        await _broker.Publish(message, messageId);
        var received = await Eventually.ValueAsync(
            async () => await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = message.ReferralId.ToString() }),
            TimeSpan.FromSeconds(30), "the police referral");
        var sentinel = PoliceReferral("CRIS-IT-POLICE-2", "Test Person 502");
        await _broker.Publish(sentinel, NewId.NextGuid());
        await Eventually.ValueAsync(
            async () => await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = sentinel.ReferralId.ToString() }),
            TimeSpan.FromSeconds(30), "the sentinel referral");

        Assert.Equal(("pending", "police", "CRIS-IT-POLICE-1"), (received.Status, received.Source, received.CrimeReference));
        Assert.Equal(1, await Scalar("select count(*) from masip.mt_events where stream_id = @id", message.ReferralId));
    }

    [Fact]
    public async Task A_second_referral_of_the_same_victim_in_the_same_case_is_linked_not_doubled()
    {
        var police = PoliceReferral("CRIS-IT-DUP-1", "Test Person 601");
        await _broker.Publish(police, NewId.NextGuid());
        await Eventually.ValueAsync(
            async () => await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = police.ReferralId.ToString() }),
            TimeSpan.FromSeconds(30), "the police referral");
        var helpline = Advocacy.NewReferral("cris-it-dup-1");
        helpline.VictimName = "  test person   601 ";

        var linked = await _advocacy.Referrals.RecordReferralAsync(helpline);
        var again = await _advocacy.Referrals.RecordReferralAsync(helpline);
        var viaDuplicateId = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = helpline.ReferralId });

        Assert.Equal(police.ReferralId.ToString(), linked.ReferralId);
        Assert.Equal([helpline.ReferralId], linked.LinkedReferralIds);
        Assert.Equal(linked, again);
        Assert.Equal(police.ReferralId.ToString(), viaDuplicateId.ReferralId);
        var all = await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest());
        Assert.Single(all.Referrals, r => r.CrimeReference.Equals("CRIS-IT-DUP-1", StringComparison.OrdinalIgnoreCase));

        // One referral waits for a decision at the DMM: the linked duplicate publishes nothing.
        var sentinel = Advocacy.NewReferral();
        await _advocacy.Referrals.RecordReferralAsync(sentinel);
        await Eventually.ValueAsync(() => Task.FromResult(_broker.Awaiting.Select(a => a.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == sentinel.ReferralId)), TimeSpan.FromSeconds(30), "the sentinel's pending message");
        var pending = Assert.Single(_broker.Awaiting, a => a.Message.ReferralId == police.ReferralId).Message;
        Assert.Equal((ReferralAwaitingDecisionV1.Advocacy, "police", "CRIS-IT-DUP-1", (Guid?)null, (string?)null),
            (pending.Agency, pending.Source, pending.CrimeReference, pending.PerpetratorId, pending.RiskLevel));
        Assert.DoesNotContain(_broker.Awaiting, a => a.Message.ReferralId.ToString() == helpline.ReferralId);
    }

    [Fact]
    public async Task Five_referrals_of_the_same_victim_racing_in_make_one_referral_with_four_links()
    {
        var template = Advocacy.NewReferral("CRIS-IT-RACE-1");
        var requests = Enumerable.Range(0, 5).Select(_ =>
        {
            var request = template.Clone();
            request.ReferralId = Guid.NewGuid().ToString();
            return request;
        }).ToList();

        using var start = new SemaphoreSlim(0);
        var calls = requests.Select(async r => { await start.WaitAsync(); return await _advocacy.Referrals.RecordReferralAsync(r); }).ToList();
        start.Release(requests.Count);
        var replies = await Task.WhenAll(calls);

        var original = Assert.Single(replies.Select(r => r.ReferralId).Distinct());
        var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = original });
        Assert.Equal(4, stored.LinkedReferralIds.Count);
        Assert.Equal(requests.Select(r => r.ReferralId).Order(), stored.LinkedReferralIds.Append(original).Order());
        Assert.Single((await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest())).Referrals, r => r.CrimeReference == "CRIS-IT-RACE-1");
    }

    [Fact]
    public async Task Police_and_helpline_referrals_of_the_same_victim_arriving_together_make_one_referral()
    {
        var police = PoliceReferral("CRIS-IT-RACE-2", "Test Person 701");
        var helpline = Advocacy.NewReferral("CRIS-IT-RACE-2");
        helpline.VictimName = "Test Person 701";

        var viaBroker = _broker.Publish(police, NewId.NextGuid());
        var viaGrpc = _advocacy.Referrals.RecordReferralAsync(helpline).ResponseAsync;
        await Task.WhenAll(viaBroker, viaGrpc);
        var linked = await Eventually.ValueAsync(async () =>
        {
            var all = (await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest())).Referrals.Where(r => r.CrimeReference == "CRIS-IT-RACE-2").ToList();
            return all.Count == 1 && all[0].LinkedReferralIds.Count == 1 ? all[0] : null;
        }, TimeSpan.FromSeconds(30), "one referral with one link");

        Assert.Equal(new[] { police.ReferralId.ToString(), helpline.ReferralId }.Order(), linked.LinkedReferralIds.Append(linked.ReferralId).Order());
    }

    [Fact]
    public async Task A_referral_recorded_by_grpc_is_pending_and_idempotent_and_a_different_one_under_its_id_is_refused()
    {
        var request = Advocacy.NewReferral(source: "self");

        var first = await _advocacy.Referrals.RecordReferralAsync(request);
        var second = await _advocacy.Referrals.RecordReferralAsync(request);
        var altered = request.Clone();
        altered.Reason = "something else";
        await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(altered).ResponseAsync, StatusCode.AlreadyExists, "referral_id");

        Assert.Equal(("pending", "self", request.VictimName), (first.Status, first.Source, first.VictimName));
        Assert.Equal(first, second);
        Assert.Equal(request.Reason, (await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = request.ReferralId })).Reason);
    }

    [Fact]
    public async Task Bad_referral_input_is_refused_naming_the_field_and_nothing_is_stored()
    {
        var noSource = Advocacy.NewReferral();
        noSource.Source = "police"; // police referrals arrive as messages only
        var noName = Advocacy.NewReferral();
        noName.VictimName = " ";

        await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(noSource).ResponseAsync, StatusCode.InvalidArgument, "source");
        await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(noName).ResponseAsync, StatusCode.InvalidArgument, "victim_name");

        foreach (var id in new[] { noSource.ReferralId, noName.ReferralId })
            await Advocacy.Refused(() => _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = id }).ResponseAsync, StatusCode.NotFound, "referral_id");
    }

    [Fact]
    public async Task Accepting_publishes_the_decision_and_a_second_decision_is_refused_with_nothing_changed()
    {
        var referral = await _advocacy.Recorded();

        var accepted = await _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId, AdvocateId = "advocate-101" });
        await Advocacy.Refused(() => _advocacy.Referrals.DeclineReferralAsync(new DeclineReferralRequest
            { ReferralId = referral.ReferralId, AdvocateId = "advocate-102", Reason = "x" }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");
        await Advocacy.Refused(() => _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest
            { ReferralId = referral.ReferralId, AdvocateId = "advocate-102" }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");

        Assert.Equal(("accepted", "advocate-101"), (accepted.Status, accepted.DecidedBy));
        var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId });
        Assert.Equal(accepted, stored);
        var decided = await Eventually.ValueAsync(() => Task.FromResult(_broker.Decided.Select(d => d.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == referral.ReferralId)), TimeSpan.FromSeconds(30), "AdvocacyReferralDecidedV1");
        Assert.True(decided.Accepted);
        Assert.Equal(referral.CrimeReference, decided.CrimeReference);
    }

    [Fact]
    public async Task Declining_records_the_reason_and_publishes_it()
    {
        var referral = await _advocacy.Recorded();

        var declined = await _advocacy.Referrals.DeclineReferralAsync(new DeclineReferralRequest
            { ReferralId = referral.ReferralId, AdvocateId = "advocate-103", Reason = "victim lives outside the service area" });
        await Advocacy.Refused(() => _advocacy.Referrals.DeclineReferralAsync(new DeclineReferralRequest
            { ReferralId = referral.ReferralId, AdvocateId = "advocate-103", Reason = "" }).ResponseAsync, StatusCode.InvalidArgument, "reason");

        Assert.Equal(("declined", "victim lives outside the service area"), (declined.Status, declined.DeclineReason));
        var decided = await Eventually.ValueAsync(() => Task.FromResult(_broker.Decided.Select(d => d.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == referral.ReferralId)), TimeSpan.FromSeconds(30), "AdvocacyReferralDecidedV1");
        Assert.False(decided.Accepted);
        Assert.Equal("victim lives outside the service area", decided.Reason);
    }

    [Fact]
    public async Task Accepting_an_unknown_referral_is_not_found()
    {
        var id = Guid.NewGuid().ToString();

        await Advocacy.Refused(() => _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = id, AdvocateId = "advocate-101" }).ResponseAsync,
            StatusCode.NotFound, "referral_id");
        await Advocacy.Refused(() => _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = "nope", AdvocateId = "advocate-101" }).ResponseAsync,
            StatusCode.InvalidArgument, "referral_id");
        Assert.Equal(0, await Scalar("select count(*) from masip.mt_events where stream_id = @id", Guid.Parse(id)));
    }

    [Fact]
    public async Task Listing_by_status_filters_and_a_bad_status_is_refused()
    {
        var pending = await _advocacy.Recorded();
        var accepted = await _advocacy.Accepted();

        var list = await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Status = "accepted" });
        await Advocacy.Refused(() => _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Status = "lost" }).ResponseAsync, StatusCode.InvalidArgument, "status");

        Assert.Contains(list.Referrals, r => r.ReferralId == accepted.ReferralId);
        Assert.DoesNotContain(list.Referrals, r => r.ReferralId == pending.ReferralId);
    }

    private static VictimReferredToAdvocacyV1 PoliceReferral(string crimeReference, string victimName) => new(
        Guid.NewGuid(), crimeReference, victimName, "07700 900321", null, "s4A, victim wants support", "officer-001", DateTimeOffset.UtcNow);

    private async Task<long> Scalar(string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(AdvocacyHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
