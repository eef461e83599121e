using Masip.Probation.People;
using Masip.Probation.People.Registering;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Probation.Tests.People;

public sealed class PersonTests_RegisterPerson
{
    private static RegisterPerson Command(string name = "Test Person 12") =>
        new(Given.PersonId, name, new DateOnly(1990, 1, 2), " 99/123456x ", null);

    [Fact]
    public void Given_no_person_When_registering_Then_the_person_is_registered_with_a_normalised_pnc_id()
    {
        var events = RegisterPersonDecision.Decide(null, Command(), null, Given.Now);

        var registered = Assert.IsType<PersonRegistered>(Assert.Single(events));
        Assert.Equal("99/123456X", registered.PncId);
        Assert.Equal(Given.Now, registered.RegisteredAt);
    }

    [Fact]
    public void Given_the_same_person_When_registering_again_Then_nothing_changes()
    {
        var current = Person.Create((PersonRegistered)RegisterPersonDecision.Decide(null, Command(), null, Given.Now)[0]);

        Assert.Empty(RegisterPersonDecision.Decide(current, Command(), Given.PersonId, Given.Now.AddHours(1)));
    }

    [Fact]
    public void Given_a_person_When_a_different_one_uses_the_id_Then_it_is_refused_naming_person_id()
    {
        var current = Person.Create((PersonRegistered)RegisterPersonDecision.Decide(null, Command(), null, Given.Now)[0]);

        var error = Assert.Throws<DuplicateRecordException>(() => RegisterPersonDecision.Decide(current, Command("Test Person 13"), Given.PersonId, Given.Now));

        Assert.Equal("person_id", error.Field);
    }

    [Fact]
    public void When_the_date_of_birth_is_in_the_future_Then_it_is_refused()
    {
        var command = Command() with { DateOfBirth = Given.Today.AddDays(1) };

        var error = Assert.Throws<InvalidFieldException>(() => RegisterPersonDecision.Decide(null, command, null, Given.Now));

        Assert.Equal("date_of_birth", error.Field);
    }

    [Fact]
    public void Given_a_person_When_updating_details_Then_the_name_key_follows()
    {
        var events = UpdatePersonDecision.Decide(Given.Person(), new UpdatePerson(Given.PersonId, "O'Neil,  Test", new DateOnly(1990, 1, 2), "99/123456X", Given.PerpetratorId), Given.PersonId, Given.Now);

        var updated = Given.Person().With([.. events]);
        Assert.Equal("o neil test", updated.NameKey);
        Assert.Equal(Given.PerpetratorId, updated.PerpetratorId);
    }

    [Fact]
    public void Given_another_person_holds_the_pnc_id_When_registering_Then_pnc_id_is_AlreadyExists()
    {
        var error = Assert.Throws<DuplicateRecordException>(() => RegisterPersonDecision.Decide(null, Command(), Guid.NewGuid(), Given.Now));

        Assert.Equal("pnc_id", error.Field);
    }

    [Fact]
    public void Given_another_person_holds_the_pnc_id_When_updating_to_it_Then_pnc_id_is_AlreadyExists()
    {
        var command = new UpdatePerson(Given.PersonId, "Test Person 12", new DateOnly(1990, 1, 2), "99/654321Z", null);

        var error = Assert.Throws<DuplicateRecordException>(() => UpdatePersonDecision.Decide(Given.Person(), command, Guid.NewGuid(), Given.Now));

        Assert.Equal("pnc_id", error.Field);
    }
}
