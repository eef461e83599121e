using Masip.Probation.People;
using Masip.Probation.People.Custody;
using Masip.Probation.People.Supervising;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Probation.Tests.People;

public sealed class PersonTests_Supervision
{
    private static readonly Guid SupervisionId = Guid.Parse("5e5e5e5e-2222-4333-8444-555555555555");

    private static RecordSupervision Order(DateOnly? end = null) => new(Given.PersonId, SupervisionId, OrderType.CommunityOrder,
        Given.Today.AddMonths(-2), end ?? Given.Today.AddMonths(10), ["rehabilitation activity 20 days"], "po-001");

    [Fact]
    public void Given_a_person_When_recording_a_community_order_Then_it_is_their_current_supervision()
    {
        var events = RecordSupervisionDecision.Decide(Given.Person(), Order(), Given.Now);

        var person = Given.Person().With([.. events]);
        Assert.Equal(OrderType.CommunityOrder, person.CurrentSupervision(Given.Today)!.OrderType);
    }

    [Fact]
    public void Given_the_same_order_When_recorded_again_Then_nothing_changes_and_a_changed_one_replaces_it()
    {
        var person = Given.Person().With([.. RecordSupervisionDecision.Decide(Given.Person(), Order(), Given.Now)]);

        Assert.Empty(RecordSupervisionDecision.Decide(person, Order(), Given.Now));
        var changed = person.With([.. RecordSupervisionDecision.Decide(person, Order(Given.Today.AddYears(2)), Given.Now)]);
        Assert.Equal(Given.Today.AddYears(2), Assert.Single(changed.Supervision).End);
    }

    [Fact]
    public void When_the_order_ends_before_it_starts_Then_end_date_is_refused()
    {
        var error = Assert.Throws<InvalidFieldException>(() =>
            RecordSupervisionDecision.Decide(Given.Person(), Order(Given.Today.AddYears(-1)), Given.Now));

        Assert.Equal("end_date", error.Field);
    }

    [Fact]
    public void When_a_no_contact_condition_names_nobody_Then_protected_person_is_required()
    {
        var command = new AddLicenceCondition(Given.PersonId, Guid.NewGuid(), LicenceConditionKind.NoContact, "no contact directly or indirectly", null);

        var error = Assert.Throws<InvalidFieldException>(() => AddLicenceConditionDecision.Decide(Given.Person(), command, Given.Now));

        Assert.Equal("protected_person", error.Field);
    }

    [Fact]
    public void Given_a_person_in_custody_When_a_no_contact_condition_is_added_Then_it_attaches_to_the_person_and_survives_a_move()
    {
        var person = Given.Person().With(new CustodyRecorded(Given.PersonId, "HMP Test A", Given.Today.AddDays(60), Given.Now));
        var command = new AddLicenceCondition(Given.PersonId, Guid.NewGuid(), LicenceConditionKind.NoContact, "no contact", "Test Victim 3");

        person = person.With([.. AddLicenceConditionDecision.Decide(person, command, Given.Now)]);
        person = person.With([.. RecordCustodyDecision.Decide(person, new RecordCustody(Given.PersonId, "HMP Test B", Given.Today.AddDays(60)), Given.Now)]);

        Assert.Equal("HMP Test B", person.Establishment);
        Assert.Equal("Test Victim 3", Assert.Single(person.LicenceConditions).ProtectedPerson);
        Assert.Empty(AddLicenceConditionDecision.Decide(person, command, Given.Now));
    }
}
