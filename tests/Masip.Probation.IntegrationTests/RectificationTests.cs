using Grpc.Core;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Probation;
using Masip.Testing;
using Xunit;
using static Masip.Probation.IntegrationTests.ProbationUnderTest;

namespace Masip.Probation.IntegrationTests;

/// <summary>
/// Rectification at probation (UK GDPR Art. 16; DPA 2018 s46): its DPO corrects a person's name,
/// date of birth or PNC id; the person shows it, the history keeps old, new and reason.
/// </summary>
public sealed class RectificationTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ProbationUnderTest _probation = null!;
    private Masip.Contracts.DataProtection.DataProtection.DataProtectionClient _dpo = null!;

    public async Task InitializeAsync()
    {
        _probation = await StartAsync(bed);
        _dpo = new Masip.Contracts.DataProtection.DataProtection.DataProtectionClient(_probation.DpoChannel());
    }

    public async Task DisposeAsync() => await _probation.DisposeAsync();

    private static RectifyRecordRequest Correct(string personId, string field, string value) => new()
    {
        Record = "person", RecordId = personId, Field = field, Value = value, Reason = "Art. 16 request: recorded wrongly (synthetic)",
    };

    [Fact]
    public async Task A_corrected_name_and_date_of_birth_show_on_the_person_and_in_the_history_once()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);

        var name = await _dpo.RectifyRecordAsync(Correct(person.PersonId, "name", "Test Person Corrected"));
        var again = await _dpo.RectifyRecordAsync(Correct(person.PersonId, "name", "Test Person Corrected"));
        await _dpo.RectifyRecordAsync(Correct(person.PersonId, "dateOfBirth", "1990-02-01"));
        var seen = await _probation.People.GetPersonAsync(new GetPersonRequest { PersonId = person.PersonId });
        var history = await _dpo.GetRectificationHistoryAsync(new GetRectificationHistoryRequest { Record = "person", RecordId = person.PersonId });

        Assert.Equal((true, false), (name.Changed, again.Changed));
        Assert.Equal(("Test Person Corrected", "1990-02-01", person.PncId), (seen.Name, seen.DateOfBirth, seen.PncId));
        Assert.Equal([("name", person.Name, "Test Person Corrected"), ("dateOfBirth", "1990-01-02", "1990-02-01")],
            history.Rectifications.Select(r => (r.Field, r.OldValue, r.NewValue)));
        Assert.All(history.Rectifications, r => Assert.Equal("Art. 16 request: recorded wrongly (synthetic)", r.Reason));
        Assert.Equal(3, await _probation.EventsIn(Guid.Parse(person.PersonId)));
    }

    [Fact]
    public async Task A_bad_record_field_or_value_is_refused_naming_it_and_changes_nothing()
    {
        var person = NewPerson();
        await _probation.People.RegisterPersonAsync(person);

        await Refused(_dpo.RectifyRecordAsync(Correct(person.PersonId, "address", "1 Test Street")), StatusCode.InvalidArgument, "field");
        await Refused(_dpo.RectifyRecordAsync(Correct(person.PersonId, "dateOfBirth", "02/01/1990")), StatusCode.InvalidArgument, "value");
        await Refused(_dpo.RectifyRecordAsync(Correct(person.PersonId, "name", "Test\nPerson")), StatusCode.InvalidArgument, "value");
        await Refused(_dpo.RectifyRecordAsync(new RectifyRecordRequest(Correct(person.PersonId, "name", "x")) { Record = "supervision" }),
            StatusCode.InvalidArgument, "record");
        await Refused(_dpo.RectifyRecordAsync(Correct(Guid.NewGuid().ToString(), "name", "Test Person")), StatusCode.NotFound, "record_id");

        Assert.Equal(1, await _probation.EventsIn(Guid.Parse(person.PersonId)));
    }
}
