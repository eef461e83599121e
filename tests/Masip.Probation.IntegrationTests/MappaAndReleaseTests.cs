using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>MAPPA: events out, Tier 3 cases flagged; releases within 28 days raised once, nominals marked.</summary>
public sealed class MappaAndReleaseTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;

    public async Task InitializeAsync() => _probation = await StartAsync(bed);

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private static CaseTieredV1 Tiered(Guid perpetratorId, int tier) => new(
        Guid.NewGuid(), "CRIS-TEST-" + Random.Shared.Next(1000, 9999), perpetratorId, "s4A", tier, "high", "escalating", DateTimeOffset.UtcNow);

    [Fact]
    public async Task Recording_MAPPA_updates_the_person_and_publishes_MappaEvents()
    {
        var perpetratorId = Guid.NewGuid();
        var person = NewPerson(perpetratorId);
        await _probation.People.RegisterPersonAsync(person);

        var referred = await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "referred", Category = 3 });
        var accepted = await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "accepted" });
        var set = await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "category-set", Category = 3, Level = 2 });
        var review = await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "review-set", ReviewDate = Date(90) });

        Assert.Equal("made", referred.Mappa.Referral);
        Assert.Equal("accepted", accepted.Mappa.Referral);
        Assert.Equal(2, set.Mappa.Level);
        Assert.Equal(Date(90), review.Mappa.NextReview);
        Assert.True(review.Mappa.Considered);
        var categorySet = await _probation.Receives<MappaEventV1>(m => m.PerpetratorId == perpetratorId && m.Kind == "category-set", "MAPPA category-set");
        Assert.Equal(3, categorySet.Category);
        Assert.Equal(2, categorySet.Level);
        await _probation.Receives<MappaEventV1>(m => m.PerpetratorId == perpetratorId && m.Kind == "referred", "MAPPA referred");
        await _probation.Receives<MappaEventV1>(m => m.PerpetratorId == perpetratorId && m.Kind == "accepted", "MAPPA accepted");
        await _probation.Receives<MappaEventV1>(m => m.PerpetratorId == perpetratorId && m.Kind == "review-set", "MAPPA review-set");
    }

    [Fact]
    public async Task Bad_MAPPA_input_is_refused_naming_the_field_and_nothing_changes()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);
        var before = await _probation.EventsIn(Guid.Parse(person.PersonId));

        await Refused(_probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "category-set", Category = 4, Level = 1 }),
            StatusCode.InvalidArgument, "category");
        await Refused(_probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "accepted" }),
            StatusCode.FailedPrecondition, "kind");
        await Refused(_probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "promoted" }),
            StatusCode.InvalidArgument, "kind");
        await Refused(_probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = Guid.NewGuid().ToString(), Kind = "considered", Rationale = "x" }),
            StatusCode.NotFound, "person_id");

        Assert.Equal(before, await _probation.EventsIn(Guid.Parse(person.PersonId)));
    }

    [Fact]
    public async Task A_Tier_3_case_of_a_person_without_MAPPA_consideration_is_flagged_until_considered()
    {
        var flaggedPerpetrator = Guid.NewGuid();
        var flagged = NewPerson(flaggedPerpetrator);
        await _probation.People.RegisterPersonAsync(flagged);
        var consideredPerpetrator = Guid.NewGuid();
        var considered = NewPerson(consideredPerpetrator);
        await _probation.People.RegisterPersonAsync(considered);
        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = considered.PersonId, Kind = "considered", Rationale = "category 3 not met" });
        var tier2Perpetrator = Guid.NewGuid();
        var tier2 = NewPerson(tier2Perpetrator);
        await _probation.People.RegisterPersonAsync(tier2);

        var consideredCase = Tiered(consideredPerpetrator, 3);
        var tier2Case = Tiered(tier2Perpetrator, 2);
        var tiered = Tiered(flaggedPerpetrator, 3);
        await _probation.Publish(consideredCase);
        await _probation.Publish(tier2Case);
        await _probation.Publish(tiered);
        // Each case's tier is stored in the transaction that decides its flag: once all three are
        // stored, every flag that will be raised has been.
        Assert.True(await Eventually.TrueAsync(async () =>
            await _probation.HasDocument("mt_doc_tieredcase", consideredCase.CaseId) && await _probation.HasDocument("mt_doc_tieredcase", tier2Case.CaseId)
            && await _probation.HasDocument("mt_doc_tieredcase", tiered.CaseId), TimeSpan.FromSeconds(30)), "the tiered cases did not arrive");
        var flags = await _probation.Mappa.ListMappaFlagsAsync(new ListMappaFlagsRequest());

        var flag = Assert.Single(flags.Flags, f => f.PersonId == flagged.PersonId);
        Assert.Equal(tiered.CaseId.ToString(), flag.CaseId);
        Assert.DoesNotContain(flags.Flags, f => f.PersonId == considered.PersonId || f.PersonId == tier2.PersonId);

        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = flagged.PersonId, Kind = "referred", Category = 3 });
        var after = await _probation.Mappa.ListMappaFlagsAsync(new ListMappaFlagsRequest());
        Assert.DoesNotContain(after.Flags, f => f.PersonId == flagged.PersonId);
    }

    [Fact]
    public async Task A_Tier_3_case_that_arrived_before_the_person_was_known_flags_them_when_registered_or_linked()
    {
        var registeredLater = Guid.NewGuid();
        var linkedLater = Guid.NewGuid();
        var first = Tiered(registeredLater, 3);
        var second = Tiered(linkedLater, 3);
        var unlinked = NewPerson();
        await _probation.People.RegisterPersonAsync(unlinked);
        await _probation.Publish(first);
        await _probation.Publish(second);
        Assert.True(await Eventually.TrueAsync(async () =>
            await _probation.HasDocument("mt_doc_tieredcase", first.CaseId) && await _probation.HasDocument("mt_doc_tieredcase", second.CaseId),
            TimeSpan.FromSeconds(30)), "the tiered cases did not arrive");

        var registered = await _probation.People.RegisterPersonAsync(NewPerson(registeredLater));
        await _probation.Publish(new PerpetratorReferredToProbationV1(Guid.NewGuid(), second.CaseId, linkedLater, unlinked.Name, null,
            unlinked.PncId, "known-to-probation", "s4A", "officer-001", DateTimeOffset.UtcNow));

        Assert.Equal(first.CaseId.ToString(), registered.Mappa.FlaggedCaseId);
        var flags = await Eventually.ValueAsync(async () =>
        {
            var reply = await _probation.Mappa.ListMappaFlagsAsync(new ListMappaFlagsRequest());
            return reply.Flags.Any(f => f.PersonId == unlinked.PersonId) ? reply : null;
        }, TimeSpan.FromSeconds(30), "the flag on the linked person");
        Assert.Equal(second.CaseId.ToString(), Assert.Single(flags.Flags, f => f.PersonId == unlinked.PersonId).CaseId);
    }

    [Fact]
    public async Task A_release_in_10_days_raises_one_ReleaseDue_and_is_listed_for_the_DMM_marked_as_a_nominal()
    {
        var perpetratorId = Guid.NewGuid();
        var person = NewPerson(perpetratorId);
        await _probation.People.RegisterPersonAsync(person);
        await _probation.Publish(new NominalAddedV1(Guid.NewGuid(), perpetratorId, person.Name, person.PncId, "synthetic", DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)), DateTimeOffset.UtcNow));
        Assert.True(await Eventually.TrueAsync(() => _probation.HasDocument("mt_doc_knownnominal", perpetratorId), TimeSpan.FromSeconds(30)), "the nominal did not arrive");
        var laterPerpetrator = Guid.NewGuid();
        var later = NewPerson(laterPerpetrator);
        await _probation.People.RegisterPersonAsync(later);
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = later.PersonId, Establishment = "HMP Test A", ExpectedRelease = Date(60) });
        await _probation.People.AddLicenceConditionAsync(new AddLicenceConditionRequest
        {
            PersonId = person.PersonId, ConditionId = Guid.NewGuid().ToString(), Kind = "no-contact", Detail = "no contact with the victim", ProtectedPerson = "Test Victim 9",
        });

        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test A", ExpectedRelease = Date(10) });
        var due = await _probation.Receives<ReleaseDueV1>(m => m.PerpetratorId == perpetratorId, "the release due item");
        // More scans, finished when awaited, then a sentinel release published after anything they raised.
        await Task.WhenAll(_probation.ScanNow(), _probation.ScanNow());
        var sentinelPerpetrator = Guid.NewGuid();
        var sentinel = NewPerson(sentinelPerpetrator);
        await _probation.People.RegisterPersonAsync(sentinel);
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = sentinel.PersonId, Establishment = "HMP Test A", ExpectedRelease = Date(1) });
        await _probation.ScanNow();
        await _probation.Receives<ReleaseDueV1>(m => m.PerpetratorId == sentinelPerpetrator, "the sentinel's release due item");

        Assert.Equal(DateOnly.Parse(Date(10)), due.ReleaseDate);
        Assert.Equal("no-contact: no contact with the victim", due.LicenceConditions);
        Assert.Equal(1, await _probation.EventsOf(Guid.Parse(person.PersonId), "release_due_raised"));
        Assert.Equal(0, await _probation.EventsOf(Guid.Parse(later.PersonId), "release_due_raised"));
        Assert.Single(_probation.ReceivedSoFar<ReleaseDueV1>(m => m.PerpetratorId == perpetratorId));
        Assert.Empty(_probation.ReceivedSoFar<ReleaseDueV1>(m => m.PerpetratorId == laterPerpetrator));
        var list = await _probation.Releases.ListReleasesDueAsync(new ListReleasesDueRequest());
        var item = Assert.Single(list.Releases, r => r.PersonId == person.PersonId);
        Assert.Equal(Date(10), item.ExpectedRelease);
        Assert.DoesNotContain(list.Releases, r => r.PersonId == later.PersonId);
        // griffin.restricted: for the DMM (the default purpose) the nominal mark is withheld;
        // for the Griffin meeting it is shown.
        Assert.False(item.GriffinNominal);
        Assert.Contains($"releases[{list.Releases.IndexOf(item)}].griffin_nominal", list.WithheldFields);
        var forGriffin = await new Contracts.Probation.Releases.ReleasesClient(_probation.ChannelFor("griffin"))
            .ListReleasesDueAsync(new ListReleasesDueRequest());
        Assert.True(Assert.Single(forGriffin.Releases, r => r.PersonId == person.PersonId).GriffinNominal);
        Assert.DoesNotContain(forGriffin.WithheldFields, f => f.EndsWith(".griffin_nominal"));
    }

    [Fact]
    public async Task A_removed_nominal_is_no_longer_marked_on_the_release_list()
    {
        var perpetratorId = Guid.NewGuid();
        var nominalId = Guid.NewGuid();
        var person = NewPerson(perpetratorId);
        await _probation.People.RegisterPersonAsync(person);
        await _probation.Publish(new NominalAddedV1(nominalId, perpetratorId, person.Name, person.PncId, "synthetic", DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3)), DateTimeOffset.UtcNow.AddMinutes(-5)));
        Assert.True(await Eventually.TrueAsync(() => _probation.HasDocument("mt_doc_knownnominal", perpetratorId), TimeSpan.FromSeconds(30)), "the nominal did not arrive");
        await _probation.Publish(new NominalRemovedV1(nominalId, perpetratorId, "synthetic", DateTimeOffset.UtcNow));
        // The removal is kept (not deleted), so that a late "added" is known to be older.
        Assert.True(await Eventually.TrueAsync(async () =>
            await _probation.Document("mt_doc_knownnominal", perpetratorId) is { } nominal && nominal.GetProperty("Removed").GetBoolean(),
            TimeSpan.FromSeconds(30)), "the removal did not arrive");

        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test C", ExpectedRelease = Date(5) });
        // As the Griffin meeting sees it: the only purpose for which griffin_nominal is not withheld.
        var forGriffin = new Contracts.Probation.Releases.ReleasesClient(_probation.ChannelFor("griffin"));
        var list = await Eventually.ValueAsync(async () =>
            await forGriffin.ListReleasesDueAsync(new ListReleasesDueRequest()) is { } l && l.Releases.Any(r => r.PersonId == person.PersonId) ? l : null,
            TimeSpan.FromSeconds(30), "the release on the list");
        var item = list.Releases.Single(r => r.PersonId == person.PersonId);

        Assert.False(item.GriffinNominal);
        Assert.DoesNotContain(list.WithheldFields, f => f.EndsWith(".griffin_nominal"));
        Assert.Equal("HMP Test C", item.Establishment);
    }
}
