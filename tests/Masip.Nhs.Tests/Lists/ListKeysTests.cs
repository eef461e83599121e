using Masip.Nhs.Lists;
using Xunit;

namespace Masip.Nhs.Tests.Lists;

/// <summary>A list key's text order is the list's order, and no two records share a key.</summary>
public sealed class ListKeysTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid A = Guid.Parse("00000000-0000-4000-8000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-4000-8000-00000000000b");

    [Fact]
    public void The_waiting_list_key_puts_the_highest_risk_first_then_the_longest_waiting_then_the_id()
    {
        string[] expected =
        [
            ListKeys.MostUrgent(3, Now.AddDays(-1), B),
            ListKeys.MostUrgent(3, Now, A),
            ListKeys.MostUrgent(3, Now, B),
            ListKeys.MostUrgent(2, Now.AddYears(-3), A),
            ListKeys.MostUrgent(1, Now.AddDays(-9), A),
            ListKeys.MostUrgent(0, Now.AddYears(-9), A),
        ];

        Assert.Equal(expected, expected.Reverse().Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_newest_first_key_sorts_later_after_earlier_across_digit_counts_and_offsets()
    {
        var early = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var late = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.FromHours(1)); // 09:00 UTC
        string[] ascending = [ListKeys.Newest(early, B), ListKeys.Newest(late, A), ListKeys.Newest(late, B), ListKeys.Newest(Now.AddTicks(1), A)];

        Assert.Equal(ascending, ascending.Reverse().Order(StringComparer.Ordinal));
        Assert.True(string.CompareOrdinal(ListKeys.Newest(new DateOnly(2026, 11, 2), Now, A), ListKeys.Newest(new DateOnly(2026, 10, 30), Now.AddDays(9), B)) > 0);
    }
}
