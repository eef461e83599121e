using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Probation;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>A police referral on the broker is answered with ProbationRecordSharedV1: known, or not known.</summary>
public sealed class ReferralTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;

    public async Task InitializeAsync() => _probation = await StartAsync(bed);

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private static PerpetratorReferredToProbationV1 Referral(string name, DateOnly? dob, string? pnc, Guid? perpetratorId = null, string question = "known-to-probation") => new(
        Guid.NewGuid(), Guid.NewGuid(), perpetratorId ?? Guid.NewGuid(), name, dob, pnc, question, "s4A, Tier 2", "officer-001", DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_referral_for_a_person_on_probation_is_answered_known_with_their_order()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);
        await _probation.People.RecordSupervisionAsync(new RecordSupervisionRequest
        {
            PersonId = person.PersonId, SupervisionId = Guid.NewGuid().ToString(), OrderType = "community-order",
            StartDate = Date(-60), EndDate = Date(300), ResponsibleOfficer = "po-002",
        });
        await _probation.Mappa.RecordMappaAsync(new RecordMappaRequest { PersonId = person.PersonId, Kind = "category-set", Category = 3, Level = 1 });
        var referral = Referral("Somebody Else", null, person.PncId.ToLowerInvariant());

        await _probation.Publish(referral);
        var shared = await _probation.Receives<ProbationRecordSharedV1>(m => m.ReferralId == referral.ReferralId, "the shared probation record");

        Assert.True(shared.KnownToProbation);
        Assert.Equal(referral.PerpetratorId, shared.PerpetratorId);
        Assert.Equal("community-order", shared.OrderType);
        Assert.Equal(DateOnly.Parse(Date(300)), shared.OrderEnds);
        Assert.Equal("po-002", shared.ResponsibleOfficer);
        Assert.Equal(3, shared.MappaCategory);
        var answer = await _probation.Referrals.GetReferralAnswerAsync(new GetReferralAnswerRequest { ReferralId = referral.ReferralId.ToString() });
        Assert.Equal("pnc-id", answer.MatchedBy);
        Assert.Equal(person.PersonId, answer.PersonId);
        // The police perpetrator id is now linked to the person.
        var linked = await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId });
        Assert.Equal(referral.PerpetratorId.ToString(), linked.PerpetratorId);
    }

    [Fact]
    public async Task Without_a_pnc_id_the_normalised_name_and_date_of_birth_match()
    {
        var person = NewPerson();
        person.Name = "Test O'Brien " + Random.Shared.Next(1000, 9999);
        await _probation.People.RegisterPersonAsync(person);
        var referral = Referral("  test  o brien " + person.Name.Split(' ')[^1], new DateOnly(1990, 1, 2), null, question: "psr-consultation");

        await _probation.Publish(referral);
        var shared = await _probation.Receives<ProbationRecordSharedV1>(m => m.ReferralId == referral.ReferralId, "the shared probation record");

        Assert.True(shared.KnownToProbation);
        var answer = await _probation.Referrals.GetReferralAnswerAsync(new GetReferralAnswerRequest { ReferralId = referral.ReferralId.ToString() });
        Assert.Equal("name-and-date-of-birth", answer.MatchedBy);
        Assert.Equal("psr-consultation", answer.Question);
    }

    [Fact]
    public async Task A_referral_for_an_unknown_person_is_answered_not_known_with_nothing_shared()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);
        // Same name, another date of birth, another PNC id: not the same person.
        var referral = Referral(person.Name, new DateOnly(1991, 1, 2), NewPnc());

        await _probation.Publish(referral);
        var shared = await _probation.Receives<ProbationRecordSharedV1>(m => m.ReferralId == referral.ReferralId, "the not-known answer");

        Assert.False(shared.KnownToProbation);
        Assert.Null(shared.OrderType);
        Assert.Null(shared.OrderEnds);
        Assert.Null(shared.ResponsibleOfficer);
        Assert.Null(shared.MappaCategory);
        Assert.Null(shared.ExpectedRelease);
        var answer = await _probation.Referrals.GetReferralAnswerAsync(new GetReferralAnswerRequest { ReferralId = referral.ReferralId.ToString() });
        Assert.False(answer.KnownToProbation);
        Assert.Equal("", answer.PersonId);
    }

    [Fact]
    public async Task The_same_referral_sent_twice_is_answered_once()
    {
        var referral = Referral("Test Person 77", new DateOnly(1980, 5, 6), NewPnc());
        // Two deliveries under two message ids (a resend, not a redelivery): the inbox lets both
        // through, and the referral's own stream answers once.
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());

        await Task.WhenAll(_probation.Publish(referral, first, 10, referral.ReferralId, 1), _probation.Publish(referral, second, 10, referral.ReferralId, 1));
        await _probation.Consumed(first, "the referral");
        await _probation.Consumed(second, "the referral again");
        await _probation.Receives<ProbationRecordSharedV1>(m => m.ReferralId == referral.ReferralId, "the answer");
        // Published after anything the two deliveries could have caused.
        var sentinel = Referral("Test Person 78", null, null);
        await _probation.Publish(sentinel);
        await _probation.Receives<ProbationRecordSharedV1>(m => m.ReferralId == sentinel.ReferralId, "the sentinel's answer");

        Assert.Equal(1, await _probation.EventsIn(referral.ReferralId));
        Assert.Single(_probation.ReceivedSoFar<ProbationRecordSharedV1>(m => m.ReferralId == referral.ReferralId));
    }

    [Fact]
    public async Task An_unknown_referral_is_NotFound_and_a_malformed_id_InvalidArgument()
    {
        await Refused(_probation.Referrals.GetReferralAnswerAsync(new GetReferralAnswerRequest { ReferralId = Guid.NewGuid().ToString() }), StatusCode.NotFound, "referral_id");
        await Refused(_probation.Referrals.GetReferralAnswerAsync(new GetReferralAnswerRequest { ReferralId = "x" }), StatusCode.InvalidArgument, "referral_id");
    }
}
