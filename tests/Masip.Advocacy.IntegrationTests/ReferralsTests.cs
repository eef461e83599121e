using Grpc.Core;
using MassTransit;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Messages;
using Masip.Testing;
using Xunit;

namespace Masip.Advocacy.IntegrationTests;

/// <summary>Referrals in (message and gRPC), duplicates, accept and decline by the caller with the decision published.</summary>
public sealed class ReferralsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private Advocacy _advocacy = null!;
    private Broker _broker = null!;

    public async Task InitializeAsync()
    {
        _advocacy = new Advocacy(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name), bed);
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
        await _advocacy.Consumed.Await(messageId, times: 2);

        var received = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = message.ReferralId.ToString() });
        Assert.Equal(("pending", "police", "CRIS-IT-POLICE-1"), (received.Status, received.Source, received.CrimeReference));
        Assert.Equal(1, await EventsIn(message.ReferralId));
    }

    /// <summary>
    /// The inbox is what keeps this once: linked to a referral that was declined since, the police
    /// referral delivered again would start afresh (a declined referral no longer holds the
    /// victim's place), so the decision alone would receive it a second time.
    /// </summary>
    [Fact]
    public async Task A_police_referral_linked_to_a_referral_declined_since_and_then_delivered_again_is_not_received_again()
    {
        var helpline = Advocacy.NewReferral("CRIS-IT-INBOX-1");
        helpline.VictimName = "Test Person 551";
        var original = await _advocacy.Recorded(helpline);
        var police = PoliceReferral("CRIS-IT-INBOX-1", "Test Person 551");
        var messageId = NewId.NextGuid();
        await _broker.Publish(police, messageId);
        await _advocacy.Consumed.Await(messageId);
        Assert.Equal([police.ReferralId.ToString()],
            (await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = original.ReferralId })).LinkedReferralIds);
        await _advocacy.Referrals.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = original.ReferralId, Reason = "victim declined support" });

        await _broker.Publish(police, messageId);
        await _advocacy.Consumed.Await(messageId, times: 2);

        Assert.Equal(0, await EventsIn(police.ReferralId));
        var viaLink = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = police.ReferralId.ToString() });
        Assert.Equal((original.ReferralId, "declined"), (viaLink.ReferralId, viaLink.Status));
        Assert.Equal(1, await _advocacy.Scalar("select count(*) from masip.mt_doc_inboxrecord where data ->> 'MessageId' = @id", ("id", messageId.ToString())));
    }

    [Fact]
    public async Task A_second_referral_of_the_same_victim_in_the_same_case_is_linked_not_doubled()
    {
        var police = PoliceReferral("CRIS-IT-DUP-1", "Test Person 601");
        var policeMessage = NewId.NextGuid();
        await _broker.Publish(police, policeMessage);
        await _advocacy.Consumed.Await(policeMessage);
        var helpline = Advocacy.NewReferral("cris-it-dup-1");
        helpline.VictimName = "  test person   601 ";

        var linked = await _advocacy.Referrals.RecordReferralAsync(helpline);
        var again = await _advocacy.Referrals.RecordReferralAsync(helpline);
        var viaDuplicateId = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = helpline.ReferralId });

        Assert.Equal(police.ReferralId.ToString(), linked.ReferralId);
        Assert.Equal([helpline.ReferralId], linked.LinkedReferralIds);
        Assert.Equal(linked, again);
        Assert.Equal(police.ReferralId.ToString(), viaDuplicateId.ReferralId);
        var all = await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Page = new() { PageSize = 500 } });
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

    /// <summary>
    /// Each linker reads the original's snapshot and its stream version; read at different moments,
    /// a link committed in between would be lost from the snapshot. Eight victims, six referrals
    /// each, all released at once, so the race is hit on every run rather than once in many.
    /// </summary>
    [Fact]
    public async Task Six_referrals_of_each_of_eight_victims_racing_in_make_one_referral_each_with_five_links()
    {
        var victims = Enumerable.Range(1, 8).Select(v => Advocacy.NewReferral($"CRIS-IT-RACE-1-{v}")).ToList();
        var requests = victims.SelectMany(template => Enumerable.Range(0, 6).Select(_ =>
        {
            var request = template.Clone();
            request.ReferralId = Guid.NewGuid().ToString();
            return request;
        })).ToList();

        using var start = new SemaphoreSlim(0);
        var calls = requests.Select(async r => { await start.WaitAsync(); return (Request: r, Reply: await _advocacy.Referrals.RecordReferralAsync(r)); }).ToList();
        start.Release(requests.Count);
        var replies = await Task.WhenAll(calls);

        foreach (var victim in replies.GroupBy(r => r.Request.CrimeReference))
        {
            var original = Assert.Single(victim.Select(r => r.Reply.ReferralId).Distinct());
            var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = original });
            Assert.Equal(victim.Select(r => r.Request.ReferralId).Order(), stored.LinkedReferralIds.Append(original).Order());
            Assert.Equal(1, await _advocacy.Scalar($"select count(*) from masip.mt_doc_referral where data ->> 'CrimeReference' = '{victim.Key}'"));
        }
    }

    [Fact]
    public async Task Police_and_helpline_referrals_of_the_same_victim_arriving_together_make_one_referral()
    {
        var police = PoliceReferral("CRIS-IT-RACE-2", "Test Person 701");
        var policeMessage = NewId.NextGuid();
        var helpline = Advocacy.NewReferral("CRIS-IT-RACE-2");
        helpline.VictimName = "Test Person 701";

        var viaBroker = _broker.Publish(police, policeMessage);
        var viaGrpc = _advocacy.Referrals.RecordReferralAsync(helpline).ResponseAsync;
        await Task.WhenAll(viaBroker, viaGrpc);
        await _advocacy.Consumed.Await(policeMessage);

        Assert.Equal(1, await _advocacy.Scalar("select count(*) from masip.mt_doc_referral where data ->> 'CrimeReference' = 'CRIS-IT-RACE-2'"));
        var linked = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = helpline.ReferralId });
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
        var nul = Advocacy.NewReferral();
        nul.VictimName = "Test\0Person";
        var tooLong = Advocacy.NewReferral();
        tooLong.Reason = new string('r', 4001);
        var twoLines = Advocacy.NewReferral();
        twoLines.CrimeReference = "CRIS-1\nCRIS-2";

        await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(noSource).ResponseAsync, StatusCode.InvalidArgument, "source");
        await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(noName).ResponseAsync, StatusCode.InvalidArgument, "victim_name");
        var nulError = await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(nul).ResponseAsync, StatusCode.InvalidArgument, "victim_name");
        var longError = await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(tooLong).ResponseAsync, StatusCode.InvalidArgument, "reason");
        await Advocacy.Refused(() => _advocacy.Referrals.RecordReferralAsync(twoLines).ResponseAsync, StatusCode.InvalidArgument, "crime_reference");

        Assert.Equal("victim_name: must not contain a NUL character", nulError.Status.Detail);
        Assert.Equal("reason: must be at most 4000 characters; got 4001", longError.Status.Detail);
        foreach (var id in new[] { noSource.ReferralId, noName.ReferralId, nul.ReferralId, tooLong.ReferralId, twoLines.ReferralId })
            await Advocacy.Refused(() => _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = id }).ResponseAsync, StatusCode.NotFound, "referral_id");
    }

    [Fact]
    public async Task Accepting_records_the_caller_publishes_the_decision_and_a_second_decision_is_refused_with_nothing_changed()
    {
        var referral = await _advocacy.Recorded();

        var accepted = await _advocacy.ReferralsAs("advocate-101").AcceptReferralAsync(new AcceptReferralRequest { ReferralId = referral.ReferralId });
        await Advocacy.Refused(() => _advocacy.ReferralsAs("advocate-102").DeclineReferralAsync(new DeclineReferralRequest
            { ReferralId = referral.ReferralId, Reason = "x" }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");
        await Advocacy.Refused(() => _advocacy.ReferralsAs("advocate-102").AcceptReferralAsync(new AcceptReferralRequest
            { ReferralId = referral.ReferralId }).ResponseAsync, StatusCode.FailedPrecondition, "referral_id");

        Assert.Equal(("accepted", "advocate-101"), (accepted.Status, accepted.DecidedBy));
        Assert.Equal("advocate-101", await _advocacy.Text(
            "select user_name from masip.mt_events where stream_id = @id and type = 'referral_accepted'", ("id", Guid.Parse(referral.ReferralId))));
        var stored = await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = referral.ReferralId });
        Assert.Equal(accepted, stored);
        var decided = await Eventually.ValueAsync(() => Task.FromResult(_broker.Decided.Select(d => d.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == referral.ReferralId)), TimeSpan.FromSeconds(30), "AdvocacyReferralDecidedV1");
        Assert.True(decided.Accepted);
        Assert.Equal(referral.CrimeReference, decided.CrimeReference);
    }

    [Fact]
    public async Task Declining_records_the_caller_and_the_reason_and_publishes_it()
    {
        var referral = await _advocacy.Recorded();

        var declined = await _advocacy.ReferralsAs("advocate-103").DeclineReferralAsync(new DeclineReferralRequest
            { ReferralId = referral.ReferralId, Reason = "victim lives outside the service area" });
        await Advocacy.Refused(() => _advocacy.Referrals.DeclineReferralAsync(new DeclineReferralRequest
            { ReferralId = referral.ReferralId, Reason = "" }).ResponseAsync, StatusCode.InvalidArgument, "reason");

        Assert.Equal(("declined", "advocate-103", "victim lives outside the service area"), (declined.Status, declined.DecidedBy, declined.DeclineReason));
        var decided = await Eventually.ValueAsync(() => Task.FromResult(_broker.Decided.Select(d => d.Message)
            .FirstOrDefault(m => m.ReferralId.ToString() == referral.ReferralId)), TimeSpan.FromSeconds(30), "AdvocacyReferralDecidedV1");
        Assert.False(decided.Accepted);
        Assert.Equal("victim lives outside the service area", decided.Reason);
    }

    [Fact]
    public async Task Accepting_an_unknown_referral_is_not_found()
    {
        var id = Guid.NewGuid().ToString();

        await Advocacy.Refused(() => _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = id }).ResponseAsync,
            StatusCode.NotFound, "referral_id");
        await Advocacy.Refused(() => _advocacy.Referrals.AcceptReferralAsync(new AcceptReferralRequest { ReferralId = "nope" }).ResponseAsync,
            StatusCode.InvalidArgument, "referral_id");
        Assert.Equal(0, await EventsIn(Guid.Parse(id)));
    }

    [Fact]
    public async Task Listing_by_status_filters_and_a_bad_status_or_page_is_refused()
    {
        var pending = await _advocacy.Recorded();
        var accepted = await _advocacy.Accepted();

        var list = await _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Status = "accepted" });
        await Advocacy.Refused(() => _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Status = "lost" }).ResponseAsync, StatusCode.InvalidArgument, "status");
        await Advocacy.Refused(() => _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Page = new() { PageToken = "not-a-token" } }).ResponseAsync,
            StatusCode.InvalidArgument, "page.page_token");
        await Advocacy.Refused(() => _advocacy.Referrals.ListReferralsAsync(new ListReferralsRequest { Page = new() { PageSize = 501 } }).ResponseAsync,
            StatusCode.InvalidArgument, "page.page_size");

        Assert.Contains(list.Referrals, r => r.ReferralId == accepted.ReferralId);
        Assert.DoesNotContain(list.Referrals, r => r.ReferralId == pending.ReferralId);
        Assert.All(list.Referrals, r => Assert.Equal("accepted", r.Status));
    }

    [Fact]
    public async Task A_police_referral_brings_the_victims_contact_preferences_and_the_advocate_sees_them()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var withPreferences = PoliceReferral($"CRIS-IT-PREFS-{tag}", "Test Person 601") with
        {
            SafeNumbers = ["07700 900111 (safe)"], SafeTimes = "weekdays 10:00-12:00", NoWithheldNumbers = true, InterpreterNeeded = true,
            Language = "Polish", PreferredName = "Ola", HasContactPreferences = true,
        };
        var without = PoliceReferral($"CRIS-IT-NOPREFS-{tag}", "Test Person 602");
        var (first, second) = (NewId.NextGuid(), NewId.NextGuid());

        await _broker.Publish(withPreferences, first);
        await _broker.Publish(without, second);
        await _advocacy.Consumed.Await(first);
        await _advocacy.Consumed.Await(second);

        var shown = (await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = withPreferences.ReferralId.ToString() })).ContactPreferences;
        Assert.Equal(["07700 900111 (safe)"], shown.SafeNumbers);
        Assert.Equal(("weekdays 10:00-12:00", true, true, "Polish", "Ola"),
            (shown.SafeTimes, shown.NoWithheldNumbers, shown.InterpreterNeeded, shown.Language, shown.PreferredName));
        Assert.Null((await _advocacy.Referrals.GetReferralAsync(new GetReferralRequest { ReferralId = without.ReferralId.ToString() })).ContactPreferences);
    }

    private static VictimReferredToAdvocacyV1 PoliceReferral(string crimeReference, string victimName) => new(
        Guid.NewGuid(), crimeReference, victimName, "07700 900321", null, "s4A, victim wants support", "officer-001", DateTimeOffset.UtcNow);

    private Task<long> EventsIn(Guid streamId) => _advocacy.Scalar("select count(*) from masip.mt_events where stream_id = @id", ("id", streamId));
}
