using Masip.Probation.People;
using Masip.Probation.Releases;
using Xunit;

namespace Masip.Probation.Tests.Releases;

public sealed class PersonTests_ReleaseDue
{
    private static Person InCustody(int daysToRelease) => Given.Person(Given.PerpetratorId).With(
        new CustodyRecorded(Given.PersonId, "HMP Test A", Given.Today.AddDays(daysToRelease), Given.Now.AddDays(-200)),
        new LicenceConditionAdded(Given.PersonId, Guid.NewGuid(), LicenceConditionKind.NoContact, "no contact with the victim", "Test Victim 3", Given.Now.AddDays(-10)));

    [Fact]
    public void Given_a_release_in_10_days_When_scanning_Then_a_release_due_is_raised_without_the_protected_persons_name()
    {
        var raised = Assert.IsType<ReleaseDueRaised>(Assert.Single(ReleaseDueDecision.Decide(InCustody(10), Given.Now)));

        Assert.Equal(Given.Today.AddDays(10), raised.ReleaseDate);
        Assert.Equal(Given.PerpetratorId, raised.PerpetratorId);
        Assert.Equal("no-contact: no contact with the victim", raised.LicenceConditions);
        Assert.DoesNotContain("Test Victim 3", raised.LicenceConditions);
    }

    [Fact]
    public void Given_the_release_was_raised_When_scanning_again_Then_nothing_and_a_new_date_raises_again()
    {
        var person = InCustody(10);
        person = person.With([.. ReleaseDueDecision.Decide(person, Given.Now)]);

        Assert.Empty(ReleaseDueDecision.Decide(person, Given.Now.AddHours(1)));
        var moved = person.With(new CustodyRecorded(Given.PersonId, "HMP Test A", Given.Today.AddDays(20), Given.Now));
        Assert.Single(ReleaseDueDecision.Decide(moved, Given.Now));
    }

    [Theory]
    [InlineData(29)]
    [InlineData(-1)]
    public void Given_a_release_beyond_28_days_or_past_When_scanning_Then_nothing(int days)
    {
        Assert.Empty(ReleaseDueDecision.Decide(InCustody(days), Given.Now));
    }

    [Fact]
    public void Given_a_release_in_28_days_When_scanning_Then_it_is_raised()
    {
        Assert.Single(ReleaseDueDecision.Decide(InCustody(28), Given.Now));
    }
}
