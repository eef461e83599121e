using Grpc.Core;
using Masip.Contracts.Probation;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>People known to probation: registration, supervision, licence conditions, custody.</summary>
public sealed class PeopleTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;

    public async Task InitializeAsync() => _probation = await StartAsync(bed);

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    [Fact]
    public async Task A_registered_person_is_returned_and_registering_again_changes_nothing()
    {
        var request = NewPerson(Guid.NewGuid());
        request.PncId = " " + request.PncId.ToLowerInvariant() + " ";

        var first = await _probation.People.RegisterPersonAsync(request);
        var second = await _probation.People.RegisterPersonAsync(request);
        var got = await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = request.PersonId });

        Assert.Equal(request.Name, got.Name);
        Assert.Equal("1990-01-02", got.DateOfBirth);
        Assert.Equal(request.PncId.Trim().ToUpperInvariant(), got.PncId);
        Assert.Equal(request.PerpetratorId, got.PerpetratorId);
        Assert.Equal(first.RegisteredAt, second.RegisteredAt);
        Assert.Equal(1, await _probation.EventsIn(Guid.Parse(request.PersonId)));
    }

    [Fact]
    public async Task A_second_person_with_the_same_pnc_id_is_AlreadyExists_and_not_stored()
    {
        var first = NewPerson();
        await _probation.People.RegisterPersonAsync(first);
        var second = NewPerson();
        second.PncId = first.PncId;

        await Refused(_probation.People.RegisterPersonAsync(second), StatusCode.AlreadyExists, "pnc_id");

        await Refused(_probation.People.GetPersonAsync(new GetPersonRequest { PersonId = second.PersonId }), StatusCode.NotFound, "person_id");
    }

    [Theory]
    [InlineData("name")]
    [InlineData("date_of_birth")]
    [InlineData("person_id")]
    public async Task A_missing_required_field_is_InvalidArgument_naming_it(string field)
    {
        var request = NewPerson();
        var id = request.PersonId;
        RegisterPersonRequest.Descriptor.FindFieldByName(field).Accessor.SetValue(request, "");

        await Refused(_probation.People.RegisterPersonAsync(request), StatusCode.InvalidArgument, field);

        await Refused(_probation.People.GetPersonAsync(new GetPersonRequest { PersonId = id }), StatusCode.NotFound, "person_id");
    }

    [Fact]
    public async Task Updating_a_person_changes_their_details_and_an_unknown_person_is_NotFound()
    {
        var request = NewPerson();
        await _probation.People.RegisterPersonAsync(request);
        var perpetratorId = Guid.NewGuid().ToString();

        var updated = await _probation.People.UpdatePersonAsync(new UpdatePersonRequest
        {
            PersonId = request.PersonId, Name = request.Name + " Renamed", DateOfBirth = "1990-01-03", PncId = request.PncId, PerpetratorId = perpetratorId,
        });
        var unknown = Guid.NewGuid().ToString();
        await Refused(_probation.People.UpdatePersonAsync(new UpdatePersonRequest { PersonId = unknown, Name = "Test Person 1", DateOfBirth = "1990-01-02" }),
            StatusCode.NotFound, "person_id");

        Assert.Equal(request.Name + " Renamed", updated.Name);
        Assert.Equal("1990-01-03", (await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = request.PersonId })).DateOfBirth);
        Assert.Equal(perpetratorId, updated.PerpetratorId);
        Assert.Equal(0, await _probation.EventsIn(Guid.Parse(unknown)));
    }

    [Fact]
    public async Task Supervision_licence_conditions_and_custody_are_recorded_on_the_person()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);
        var order = new RecordSupervisionRequest
        {
            PersonId = person.PersonId, SupervisionId = Guid.NewGuid().ToString(), OrderType = "licence",
            StartDate = Date(-30), EndDate = Date(300), ResponsibleOfficer = "po-001",
            Requirements = { "stalking intervention programme", "exclusion zone" },
        };

        await _probation.People.RecordSupervisionAsync(order);
        await _probation.People.RecordSupervisionAsync(order);
        await _probation.People.AddLicenceConditionAsync(new AddLicenceConditionRequest
        {
            PersonId = person.PersonId, ConditionId = Guid.NewGuid().ToString(), Kind = "no-contact",
            Detail = "no contact directly or indirectly", ProtectedPerson = "Test Victim 4",
        });
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test A", ExpectedRelease = Date(90) });
        var moved = await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test B", ExpectedRelease = Date(90) });

        var supervision = Assert.Single(moved.Supervision);
        Assert.Equal("licence", supervision.OrderType);
        Assert.Equal(Date(300), supervision.EndDate);
        Assert.Equal(["stalking intervention programme", "exclusion zone"], supervision.Requirements);
        // Napo: the no-contact condition follows the person to the new prison.
        var condition = Assert.Single(moved.LicenceConditions);
        Assert.Equal("no-contact", condition.Kind);
        Assert.Equal("HMP Test B", moved.Custody.Establishment);
        Assert.Equal(Date(90), moved.Custody.ExpectedRelease);
        // The protected person is victim.identity: the agreement shows it to probation for the
        // DMM and the PSR, not for case management, so the case-management reply withholds it.
        Assert.Equal("", condition.ProtectedPerson);
        Assert.Contains("licence_conditions[0].protected_person", moved.WithheldFields);
        var forDmm = await new ProbationPeople.ProbationPeopleClient(_probation.ChannelFor("dmm"))
            .GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId });
        Assert.Equal("Test Victim 4", Assert.Single(forDmm.LicenceConditions).ProtectedPerson);
        Assert.DoesNotContain("licence_conditions[0].protected_person", forDmm.WithheldFields);
    }

    [Fact]
    public async Task Bad_supervision_licence_and_custody_input_is_refused_naming_the_field_and_nothing_changes()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);
        var before = await _probation.EventsIn(Guid.Parse(person.PersonId));

        await Refused(_probation.People.RecordSupervisionAsync(new RecordSupervisionRequest
        {
            PersonId = person.PersonId, SupervisionId = Guid.NewGuid().ToString(), OrderType = "community-order",
            StartDate = Date(0), EndDate = Date(-10), ResponsibleOfficer = "po-001",
        }), StatusCode.InvalidArgument, "end_date");
        await Refused(_probation.People.RecordSupervisionAsync(new RecordSupervisionRequest
        {
            PersonId = person.PersonId, SupervisionId = Guid.NewGuid().ToString(), OrderType = "caution",
            StartDate = Date(0), ResponsibleOfficer = "po-001",
        }), StatusCode.InvalidArgument, "order_type");
        await Refused(_probation.People.AddLicenceConditionAsync(new AddLicenceConditionRequest
        {
            PersonId = person.PersonId, ConditionId = Guid.NewGuid().ToString(), Kind = "no-contact", Detail = "no contact",
        }), StatusCode.InvalidArgument, "protected_person");
        await Refused(_probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test A", ExpectedRelease = "soon" }),
            StatusCode.InvalidArgument, "expected_release");
        await Refused(_probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = Guid.NewGuid().ToString(), Establishment = "HMP Test A", ExpectedRelease = Date(5) }),
            StatusCode.NotFound, "person_id");

        Assert.Equal(before, await _probation.EventsIn(Guid.Parse(person.PersonId)));
        var got = await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId });
        Assert.Empty(got.Supervision);
        Assert.Empty(got.LicenceConditions);
        Assert.Null(got.Custody);
    }

    [Fact]
    public async Task Two_people_registered_at_once_with_one_PNC_id_are_one_person_and_the_others_AlreadyExists()
    {
        var pnc = NewPnc();
        var requests = Enumerable.Range(0, 8).Select(_ => NewPerson()).ToList();
        requests.ForEach(r => r.PncId = pnc);

        var outcomes = await Task.WhenAll(requests.Select(async r =>
        {
            try
            {
                await _probation.People.RegisterPersonAsync(r);
                return StatusCode.OK;
            }
            catch (RpcException e) when (e.Status.Detail.StartsWith("pnc_id:"))
            {
                return e.StatusCode;
            }
        }));

        Assert.Single(outcomes, o => o == StatusCode.OK);
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.AlreadyExists, o));
        Assert.Equal(1, await _probation.Scalar<long>("select count(*) from masip.mt_doc_person where data ->> 'PncId' = @p0", pnc));
        // What settles the race: a unique index the pipeline knows as a write conflict ("_uidx_").
        Assert.Equal(1, await _probation.Scalar<long>(
            "select count(*) from pg_indexes where schemaname = 'masip' and tablename = 'mt_doc_person' and indexname like '%\\_uidx\\_%' and indexdef like '%PncId%'"));
    }

    [Fact]
    public async Task The_caller_is_the_actor_of_what_a_command_records()
    {
        var person = NewPerson();
        var officer = new ProbationPeople.ProbationPeopleClient(_probation.ChannelAs("po-actor-7"));

        await officer.RegisterPersonAsync(person);
        await _probation.People.RecordCustodyAsync(new RecordCustodyRequest { PersonId = person.PersonId, Establishment = "HMP Test A", ExpectedRelease = Date(90) });

        Assert.Equal("po-actor-7", await _probation.Scalar<string>(
            "select user_name from masip.mt_events where stream_id = @p0 and type = 'person_registered'", Guid.Parse(person.PersonId)));
        Assert.Equal(OfficerSubject, await _probation.Scalar<string>(
            "select user_name from masip.mt_events where stream_id = @p0 and type = 'custody_recorded'", Guid.Parse(person.PersonId)));
    }

    [Fact]
    public async Task Ten_thousand_requirements_an_absurd_date_of_birth_and_a_NUL_are_each_InvalidArgument_naming_the_field()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);
        var flood = new RecordSupervisionRequest
        {
            PersonId = person.PersonId, SupervisionId = Guid.NewGuid().ToString(), OrderType = "community-order",
            StartDate = Date(0), ResponsibleOfficer = "po-001",
        };
        flood.Requirements.AddRange(Enumerable.Repeat("unpaid work 100 hours", 10_000));
        var ancient = NewPerson();
        ancient.DateOfBirth = "0001-01-01";
        var nul = NewPerson();
        nul.Name = "Test\0Person";

        var tooMany = await Refused(_probation.People.RecordSupervisionAsync(flood), StatusCode.InvalidArgument, "requirements");
        var absurd = await Refused(_probation.People.RegisterPersonAsync(ancient), StatusCode.InvalidArgument, "date_of_birth");
        var control = await Refused(_probation.People.RegisterPersonAsync(nul), StatusCode.InvalidArgument, "name");

        Assert.Equal("requirements: at most 20 items; got 10000", tooMany.Status.Detail);
        Assert.StartsWith("date_of_birth: must not be before ", absurd.Status.Detail);
        Assert.Equal("name: must not contain a NUL character", control.Status.Detail);
        Assert.Empty((await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId })).Supervision);
        Assert.Equal(0, await _probation.EventsIn(Guid.Parse(ancient.PersonId)));
        Assert.Equal(0, await _probation.EventsIn(Guid.Parse(nul.PersonId)));
    }

    [Fact]
    public async Task Getting_a_malformed_id_is_InvalidArgument()
    {
        await Refused(_probation.People.GetPersonAsync(new GetPersonRequest { PersonId = "not-a-uuid" }), StatusCode.InvalidArgument, "person_id");
    }
}
