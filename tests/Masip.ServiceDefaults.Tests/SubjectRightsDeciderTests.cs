using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>The deciders of rectification and restriction of processing (issue 19 items 2 and 3b), without a database.</summary>
public sealed class SubjectRightsDeciderTests
{
    private static readonly Actor Dpo = new("dpo-1", "police", "auditor");
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Record = Guid.NewGuid();

    [Fact]
    public void A_correction_supersedes_the_field_at_the_next_version_and_the_same_value_again_is_no_change()
    {
        var made = Rectification.Decide("case", Record, "07700 900 000", "victim.phone", "07700 900 111", "mistyped", Dpo, Now, 4);
        var same = Rectification.Decide("case", Record, "07700 900 111", "victim.phone", "07700 900 111", "mistyped", Dpo, Now, 5);

        Assert.NotNull(made);
        Assert.Equal(("07700 900 000", "07700 900 111", 5L, "dpo-1"), (made.OldValue, made.NewValue, made.Version, made.RectifiedBy));
        Assert.Null(same);
    }

    [Fact]
    public void A_later_correction_wins_by_time_then_version_whatever_order_they_arrive_in()
    {
        Assert.True(Rectification.Supersedes(Now, 3, null, 0));
        Assert.True(Rectification.Supersedes(Now.AddSeconds(1), 1, Now, 9));
        Assert.False(Rectification.Supersedes(Now.AddSeconds(-1), 9, Now, 1));
        Assert.True(Rectification.Supersedes(Now, 4, Now, 3));
        Assert.False(Rectification.Supersedes(Now, 3, Now, 3)); // the same correction redelivered
    }

    [Fact]
    public void A_new_value_is_checked_like_the_field_it_corrects()
    {
        Assert.Equal("07700 900 111", Rectification.Line(40)(" 07700 900 111 "));
        Assert.StartsWith("value:", Assert.Throws<InvalidFieldException>(() => Rectification.Line(5)("too long a value")).Message);
        Assert.StartsWith("value:", Assert.Throws<InvalidFieldException>(() => Rectification.Line(40)("two\nlines")).Message);
        Assert.Equal("1990-01-31", Rectification.DateOfBirth()("1990-01-31"));
        Assert.StartsWith("value:", Assert.Throws<InvalidFieldException>(() => Rectification.DateOfBirth()("2990-01-31")).Message);
        Assert.StartsWith("value:", Assert.Throws<InvalidFieldException>(() => Rectification.DateOfBirth()("31/01/1990")).Message);
    }

    [Fact]
    public void Restricting_is_once_while_active_and_lifting_only_an_active_restriction()
    {
        var subject = new DataSubject("Alex Synthetic", null);
        var id = ProcessingRestriction.IdFor(subject);
        var first = ProcessingRestrictions.Restrict(null, id, subject, [Record], "contested", "dpo-1", Now);
        var restricted = ProcessingRestriction.Create((ProcessingRestricted)Assert.Single(first));
        var again = ProcessingRestrictions.Restrict(restricted, id, subject, [Record], "contested", "dpo-1", Now);
        var lift = ProcessingRestrictions.Lift(restricted, "verified", "dpo-1", Now);
        var lifted = restricted.Apply((ProcessingRestrictionLifted)Assert.Single(lift));

        Assert.Empty(again);
        Assert.False(lifted.Active);
        Assert.Empty(ProcessingRestrictions.Lift(lifted, "verified", "dpo-1", Now));
        Assert.Single(ProcessingRestrictions.Restrict(lifted, id, subject, [Record], "contested again", "dpo-1", Now));
        Assert.Equal(id, ProcessingRestriction.IdFor(new DataSubject("alex  SYNTHETIC", null)));
        Assert.NotEqual(id, ProcessingRestriction.IdFor(new DataSubject("Alex Synthetic", new DateOnly(1990, 1, 31))));
    }

    private sealed record VictimReferredSomewhere(Guid ReferralId, string VictimName, string? VictimPhone);

    private sealed record CaseReviewed(Guid CaseId, int Tier);

    [Fact]
    public void The_guard_refuses_a_restricted_persons_records_and_new_records_naming_them_and_nothing_else()
    {
        var policy = Agreement.Shipped.SubjectAccess;
        var subject = new DataSubject("Alex Synthetic", null);
        var restricted = ProcessingRestriction.Create(new ProcessingRestricted(ProcessingRestriction.IdFor(subject), subject.Name, null, subject.Key,
            [Record], "contested", "dpo-1", Now));
        var other = Guid.NewGuid();

        Assert.Same(restricted, ProcessingRestrictions.Covering([restricted], Record, [new CaseReviewed(Record, 2)], policy));
        Assert.Same(restricted, ProcessingRestrictions.Covering([restricted], other, [new VictimReferredSomewhere(other, "ALEX synthetic", null)], policy));
        Assert.Null(ProcessingRestrictions.Covering([restricted], other, [new VictimReferredSomewhere(other, "Sam Other", null)], policy));
        Assert.Null(ProcessingRestrictions.Covering([restricted], other, [new CaseReviewed(other, 2)], policy));
        Assert.Contains(restricted.Id.ToString(), ProcessingRestrictions.Refusal(restricted).Message);
        Assert.DoesNotContain("Alex", ProcessingRestrictions.Refusal(restricted).Message);
    }
}
