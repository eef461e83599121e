using Masip.Contracts.Common;
using Masip.Probation.Lists;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Lists;
using Xunit;

namespace Masip.Probation.Tests.Lists;

public sealed class KeysetTests
{
    private static readonly Guid Id = Guid.Parse("0f1e2d3c-4b5a-4697-8877-665544332211");

    private static PageRequest After(string key) => new() { PageToken = Paging.Token(key) };

    [Fact]
    public void A_date_key_comes_back_from_its_token()
    {
        Assert.Equal((new DateOnly(2026, 12, 3), Id), Keyset.DateAfter(After(Keyset.Key(new DateOnly(2026, 12, 3), Id))));
    }

    [Fact]
    public void An_instant_key_comes_back_to_the_tick()
    {
        var at = new DateTimeOffset(2026, 12, 3, 8, 15, 30, TimeSpan.FromHours(1)).AddTicks(1234567);

        var (value, id) = Keyset.InstantAfter(After(Keyset.Key(at, Id)))!.Value;

        Assert.Equal(at.UtcTicks, value.UtcTicks);
        Assert.Equal(Id, id);
    }

    [Fact]
    public void The_first_page_has_no_key()
    {
        Assert.Null(Keyset.DateAfter(null));
        Assert.Null(Keyset.DateAfter(new PageRequest { PageSize = 10 }));
        Assert.Null(Keyset.InstantAfter(new PageRequest()));
    }

    [Theory]
    [InlineData("not-a-key")]
    [InlineData("2026-12-03|not-a-guid")]
    [InlineData("03/12/2026|0f1e2d3c4b5a46978877665544332211")]
    public void A_token_this_service_did_not_give_is_InvalidArgument_naming_the_page_token(string key)
    {
        var error = Assert.Throws<InvalidFieldException>(() => Keyset.DateAfter(After(key)));

        Assert.Equal("page.page_token", error.Field);
    }
}
