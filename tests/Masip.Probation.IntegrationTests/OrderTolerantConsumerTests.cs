using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Xunit;
using Masip.Testing;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>
/// Issue 13.3: messages arrive out of order (retries, redelivery), and the consumers that keep
/// state from police news apply the newest by the police's position (the headers the outbox
/// relay sets) and ignore older news. Each test waits for the late message to be consumed (the
/// inbox holds it) and then checks that it changed nothing.
/// </summary>
public sealed class OrderTolerantConsumerTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;

    public async Task InitializeAsync() => _probation = await StartAsync(bed);

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private static DateOnly ReviewDue => DateOnly.FromDateTime(DateTime.UtcNow.AddMonths(3));

    private static CaseTieredV1 Tiered(Guid caseId, Guid perpetratorId, int tier, DateTimeOffset at) =>
        new(caseId, "CRIS-ORDER-" + Random.Shared.Next(1000, 9999), perpetratorId, "s4A", tier, "high", "synthetic reason", at);

    /// <summary>A person in custody, released in a few days, whose release the scan has raised (so it is listed).</summary>
    private async Task<RegisterPersonRequest> ReleasedSoon(Guid perpetratorId)
    {
        var person = NewPerson(perpetratorId);
        await _probation.People.RegisterPersonAsync(person);
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test D", ExpectedRelease = Date(5) });
        await _probation.ScanNow();
        return person;
    }

    private async Task<bool> MarkedAsNominalForGriffin(RegisterPersonRequest person)
    {
        var forGriffin = new Contracts.Probation.Releases.ReleasesClient(_probation.ChannelFor("griffin"));
        var page = new Masip.Contracts.Common.PageRequest { PageSize = 500 };
        while (true)
        {
            var list = await forGriffin.ListReleasesDueAsync(new ListReleasesDueRequest { Page = page });
            if (list.Releases.FirstOrDefault(r => r.PersonId == person.PersonId) is { } item)
                return item.GriffinNominal;
            if (list.Page.NextPageToken == "")
                throw new InvalidOperationException("the release is not listed");
            page = new Masip.Contracts.Common.PageRequest { PageSize = 500, PageToken = list.Page.NextPageToken };
        }
    }

    [Fact]
    public async Task A_nominal_added_that_arrives_after_its_removal_does_not_bring_the_nominal_back()
    {
        var perpetratorId = Guid.NewGuid();
        var nominalId = Guid.NewGuid();
        var person = await ReleasedSoon(perpetratorId);
        var (addedId, removedId) = (Guid.NewGuid(), Guid.NewGuid());

        // Police added (sequence 100), then removed (sequence 200); the removal arrives first.
        await _probation.Publish(new NominalRemovedV1(nominalId, perpetratorId, "synthetic", DateTimeOffset.UtcNow), removedId, 200, nominalId, 2);
        await _probation.Consumed(removedId, "the removal");
        await _probation.Publish(new NominalAddedV1(nominalId, perpetratorId, "Test Person 5", null, "synthetic", ReviewDue, DateTimeOffset.UtcNow.AddDays(-30)),
            addedId, 100, nominalId, 1);
        await _probation.Consumed(addedId, "the late addition");

        var nominal = (await _probation.Document("mt_doc_knownnominal", perpetratorId))!.Value;
        Assert.True(nominal.GetProperty("Removed").GetBoolean());
        Assert.Equal(200, nominal.GetProperty("LastSequence").GetInt64());
        Assert.False(await MarkedAsNominalForGriffin(person));
    }

    [Fact]
    public async Task A_removal_that_arrives_after_a_later_renomination_does_not_remove_the_nominal()
    {
        var perpetratorId = Guid.NewGuid();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        var person = await ReleasedSoon(perpetratorId);
        var (addedId, renominatedId, removedId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        // Police: nominal 1 added (300), removed (310), nominal 2 added (320); the removal arrives last.
        await _probation.Publish(new NominalAddedV1(first, perpetratorId, "Test Person 6", null, "synthetic", ReviewDue, DateTimeOffset.UtcNow.AddDays(-60)),
            addedId, 300, first, 1);
        await _probation.Consumed(addedId, "the first nomination");
        await _probation.Publish(new NominalAddedV1(second, perpetratorId, "Test Person 6", null, "synthetic", ReviewDue, DateTimeOffset.UtcNow),
            renominatedId, 320, second, 1);
        await _probation.Consumed(renominatedId, "the renomination");
        await _probation.Publish(new NominalRemovedV1(first, perpetratorId, "synthetic", DateTimeOffset.UtcNow.AddDays(-10)), removedId, 310, first, 2);
        await _probation.Consumed(removedId, "the late removal");

        var nominal = (await _probation.Document("mt_doc_knownnominal", perpetratorId))!.Value;
        Assert.False(nominal.GetProperty("Removed").GetBoolean());
        Assert.Equal(second, nominal.GetProperty("NominalId").GetGuid());
        Assert.True(await MarkedAsNominalForGriffin(person));
    }

    [Fact]
    public async Task A_tier_change_that_arrives_late_does_not_override_a_newer_one()
    {
        var perpetratorId = Guid.NewGuid();
        var person = NewPerson(perpetratorId);
        await _probation.People.RegisterPersonAsync(person);
        var caseId = Guid.NewGuid();
        var (tier3Id, tier2Id, tier3AgainId) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

        // Police tiered the case 3 (sequence 400), then 2 (500); the Tier 2 arrives first.
        await _probation.Publish(Tiered(caseId, perpetratorId, 2, DateTimeOffset.UtcNow), tier2Id, 500, caseId, 3);
        await _probation.Consumed(tier2Id, "the Tier 2");
        await _probation.Publish(Tiered(caseId, perpetratorId, 3, DateTimeOffset.UtcNow.AddHours(-1)), tier3Id, 400, caseId, 2);
        await _probation.Consumed(tier3Id, "the late Tier 3");

        var tiered = (await _probation.Document("mt_doc_tieredcase", caseId))!.Value;
        Assert.Equal(2, tiered.GetProperty("Tier").GetInt32());
        Assert.Equal(500, tiered.GetProperty("LastSequence").GetInt64());
        Assert.Equal("", (await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId })).Mappa.FlaggedCaseId);

        // Newer news still applies: the case back at Tier 3 (600) flags the person.
        await _probation.Publish(Tiered(caseId, perpetratorId, 3, DateTimeOffset.UtcNow), tier3AgainId, 600, caseId, 4);
        await _probation.Consumed(tier3AgainId, "the newer Tier 3");
        Assert.Equal(3, (await _probation.Document("mt_doc_tieredcase", caseId))!.Value.GetProperty("Tier").GetInt32());
        Assert.Equal(caseId.ToString(), (await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId })).Mappa.FlaggedCaseId);
    }

    [Fact]
    public async Task A_late_lower_tier_does_not_take_a_case_off_Tier_3_for_a_person_registered_afterwards()
    {
        var perpetratorId = Guid.NewGuid();
        var caseId = Guid.NewGuid();
        var (tier3Id, tier1Id) = (Guid.NewGuid(), Guid.NewGuid());

        // Police: Tier 1 (700), then Tier 3 (710); the Tier 1 arrives last.
        await _probation.Publish(Tiered(caseId, perpetratorId, 3, DateTimeOffset.UtcNow), tier3Id, 710, caseId, 2);
        await _probation.Consumed(tier3Id, "the Tier 3");
        await _probation.Publish(Tiered(caseId, perpetratorId, 1, DateTimeOffset.UtcNow.AddHours(-2)), tier1Id, 700, caseId, 1);
        await _probation.Consumed(tier1Id, "the late Tier 1");
        var registered = await _probation.People.RegisterPersonAsync(NewPerson(perpetratorId));

        Assert.Equal(3, (await _probation.Document("mt_doc_tieredcase", caseId))!.Value.GetProperty("Tier").GetInt32());
        Assert.Equal(caseId.ToString(), registered.Mappa.FlaggedCaseId);
    }
}
