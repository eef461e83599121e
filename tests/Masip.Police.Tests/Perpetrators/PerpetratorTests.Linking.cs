using Masip.Police.Cases;
using Masip.Police.Perpetrators;
using Masip.Police.Perpetrators.Linking;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Perpetrators;

public sealed class PerpetratorTests_Linking
{
    private static readonly Guid FirstCase = Guid.Parse("11111111-1111-4111-8111-111111111111");
    private static readonly Guid SecondCase = Guid.Parse("22222222-2222-4222-8222-222222222222");

    private static Perpetrator Known(string? pnc = "99/123456X") =>
        Perpetrator.Create(new PerpetratorIdentified(Guid.Parse("33333333-3333-4333-8333-333333333333"), FirstCase, "CRIS-1",
            "Test Suspect 1", new DateOnly(1985, 3, 14), SuspectKeys.Pnc(pnc), SuspectKeys.NameAndBirth("Test Suspect 1", new DateOnly(1985, 3, 14)), Given.Now))
        .Apply(new ReportLinkedToPerpetrator(Guid.Parse("33333333-3333-4333-8333-333333333333"), SecondCase, "CRIS-2", 1.0, "same PNC id", Given.Now));

    [Fact]
    public void A_perpetrator_identified_under_an_older_name_key_is_matched_by_todays_key_once_its_snapshot_is_built_again()
    {
        var dob = new DateOnly(1985, 3, 14);
        var identified = Perpetrator.Create(new PerpetratorIdentified(Guid.Parse("44444444-4444-4444-8444-444444444444"), FirstCase, "CRIS-1",
            "Zoë Brontë", dob, null, "zoë brontë|1985-03-14", Given.Now)); // the key as the import wrote it before NameKey

        var match = SuspectMatching.Match(new Suspect("ZOE  BRONTE", dob, null, null), [identified]);

        Assert.Equal("zoe bronte|1985-03-14", identified.NameKey);
        Assert.NotNull(match);
        Assert.Equal((0.8, "same normalised name and date of birth"), (match.Value.Score, match.Value.Reason));
    }

    [Fact]
    public void A_suspect_with_the_same_PNC_id_matches_with_score_1()
    {
        var match = SuspectMatching.Match(new Suspect("Another Spelling", null, " 99/123456x ", null), [Known()]);

        Assert.NotNull(match);
        Assert.Equal((1.0, "same PNC id"), (match.Value.Score, match.Value.Reason));
    }

    [Fact]
    public void A_suspect_without_PNC_id_matches_on_normalised_name_and_date_of_birth_with_score_0_8()
    {
        var match = SuspectMatching.Match(new Suspect("  TEST   suspect-1 ", new DateOnly(1985, 3, 14), null, null), [Known()]);

        Assert.NotNull(match);
        Assert.Equal(0.8, match.Value.Score);
    }

    [Fact]
    public void Different_PNC_ids_or_a_different_date_of_birth_do_not_match()
    {
        Assert.Null(SuspectMatching.Match(new Suspect("Test Suspect 1", new DateOnly(1985, 3, 14), "99/999999Z", null), [Known()]));
        Assert.Null(SuspectMatching.Match(new Suspect("Test Suspect 1", new DateOnly(1986, 3, 14), null, null), [Known()]));
        Assert.Null(SuspectMatching.Match(new Suspect("Test Suspect 1", null, null, null), [Known()]));
    }

    [Fact]
    public void Given_a_suggested_link_When_confirmed_Then_it_is_confirmed_and_confirming_again_changes_nothing()
    {
        var current = Known();

        var events = LinkDecisions.Decide(current, new ConfirmLink(current.Id, SecondCase), Given.Officer, Given.Now);

        Assert.IsType<PerpetratorLinkConfirmed>(Assert.Single(events));
        var after = current.Apply((PerpetratorLinkConfirmed)events[0]);
        Assert.Equal("confirmed", after.Links.Single(l => l.CaseId == SecondCase).Status);
        Assert.Empty(LinkDecisions.Decide(after, new ConfirmLink(current.Id, SecondCase), Given.Officer, Given.Now));
    }

    [Fact]
    public void Given_a_suggested_link_When_rejected_Then_the_case_is_unlinked_and_it_cannot_be_confirmed_later()
    {
        var current = Known();

        var events = LinkDecisions.Decide(current, new RejectLink(current.Id, SecondCase, "different person"), Given.Officer, Given.Now);

        var rejected = Assert.IsType<PerpetratorLinkRejected>(Assert.Single(events));
        var after = current.Apply(rejected);
        Assert.Single(after.LiveLinks);
        Assert.Equal(SecondCase, LinkDecisions.Unlink(rejected).CaseId);
        Assert.Equal("case_id", Assert.Throws<RuleViolationException>(() =>
            LinkDecisions.Decide(after, new ConfirmLink(current.Id, SecondCase), Given.Officer, Given.Now)).Field);
    }

    [Fact]
    public void The_report_that_identified_the_suspect_cannot_be_unlinked_and_an_unknown_case_is_not_found()
    {
        var current = Known();

        Assert.Throws<RuleViolationException>(() => LinkDecisions.Decide(current, new RejectLink(current.Id, FirstCase, "x"), Given.Officer, Given.Now));
        Assert.Equal("case_id", Assert.Throws<RecordNotFoundException>(() =>
            LinkDecisions.Decide(current, new ConfirmLink(current.Id, Guid.NewGuid()), Given.Officer, Given.Now)).Field);
    }
}
