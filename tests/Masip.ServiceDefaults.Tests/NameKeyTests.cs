using Masip.ServiceDefaults.Matching;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>One name key for matching people across the platform: each rule on its own.</summary>
public sealed class NameKeyTests
{
    [Fact]
    public void Case_is_folded() => Assert.Equal("mary ann jones", NameKey.For("MARY Ann jOnes"));

    [Fact]
    public void Whitespace_is_trimmed_and_collapsed_tabs_and_line_breaks_included() =>
        Assert.Equal("mary ann jones", NameKey.For("  Mary \t Ann\u00A0\u2003  Jones \n"));

    [Fact]
    public void Punctuation_apostrophes_and_hyphens_separate_words()
    {
        Assert.Equal("mary ann jones", NameKey.For("Mary-Ann, Jones."));
        Assert.Equal("o brien", NameKey.For("O'Brien"));
        Assert.Equal(NameKey.For("O'Brien"), NameKey.For("O\u2019Brien"));
    }

    [Fact]
    public void Diacritics_are_removed_precomposed_or_combining()
    {
        Assert.Equal("jones", NameKey.For("JONÉS"));
        Assert.Equal("jones", NameKey.For("JONE\u0301S"));   // E + combining acute
        Assert.Equal("bronte zoe angstrom nunez cedric", NameKey.For("Brontë Zoë Ångström Núñez Cédric"));
        Assert.Equal("sarkozy dvorak lech walesa", NameKey.For("Sárközy Dvořák Lech Wałęsa"));
        Assert.Equal("nguyen thi nguyet", NameKey.For("Nguyễn Thị Nguyệt"));
    }

    [Theory]
    [InlineData("Strauß", "strauss")]
    [InlineData("STRAUẞ", "strauss")]
    [InlineData("Ærø", "aero")]
    [InlineData("Søren", "soren")]
    [InlineData("Łukasz", "lukasz")]
    [InlineData("Đorđe", "dorde")]
    [InlineData("Œdipe", "oedipe")]
    [InlineData("Þórður", "thordur")]
    [InlineData("ĳsbrand", "ijsbrand")]
    [InlineData("ﬁona", "fiona")]
    [InlineData("Yıldız", "yildiz")]
    public void Common_letters_without_a_decomposition_are_transliterated(string name, string key) => Assert.Equal(key, NameKey.For(name));

    [Fact]
    public void Fullwidth_forms_are_ascii() => Assert.Equal("mary jones", NameKey.For("ＭＡＲＹ　ＪＯＮＥＳ"));

    [Fact]
    public void Other_scripts_are_kept_and_lowercased() => Assert.Equal("иван петров", NameKey.For("ИВАН  Петров"));

    [Fact]
    public void A_name_without_letters_has_an_empty_key()
    {
        Assert.Equal("", NameKey.For(" -- '' "));
        Assert.Equal("", NameKey.For(null));
    }

    [Fact]
    public void The_issue_example_is_the_same_key() => Assert.Equal(NameKey.For("Mary Ann Jones"), NameKey.For("  MARY  ann   JONÉS "));
}

/// <summary>Why NameKey carries its own table of Latin decompositions.</summary>
public sealed class InvariantGlobalizationTests
{
    [Fact]
    public void With_InvariantGlobalization_string_Normalize_does_not_decompose_so_NFKD_cannot_be_relied_on()
    {
        // Directory.Build.props runs everything with InvariantGlobalization (no ICU needed on the
        // machine or in the image): Normalize then leaves "É" whole. Should ICU ever be enabled,
        // this fails, and NameKey's table could give way to string.Normalize(FormKD).
        Assert.Equal("\u00C9", "\u00C9".Normalize(System.Text.NormalizationForm.FormKD));
        Assert.Equal("e", NameKey.For("\u00C9"));
    }
}
