using Masip.Police.Cases;
using Masip.Police.Reviews.Reclassifying;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Reviews;

public sealed class StacCaseTests_ReclassifyReport
{
    [Fact]
    public void Given_an_s4A_report_When_reclassified_as_s2A_with_a_justification_Then_the_history_keeps_who_and_why()
    {
        var current = Given.Case();

        var events = ReclassifyReportDecision.Decide(current,
            new ReclassifyReport(current.Id, Offence.S2A, [Offence.S2A, Offence.Harassment], "no fear of violence"), Given.Officer, Given.Now);

        var after = Given.Apply(current, events);
        Assert.Equal(Offence.S2A, after.Principal);
        Assert.Equal([Offence.Harassment], after.Report.Included);
        var last = after.Classifications[^1];
        Assert.Equal(("stac-1", "no fear of violence"), (last.Source, last.Reason));
        Assert.Equal(current.Fingerprint, after.Fingerprint);
        Assert.Empty(ReclassifyReportDecision.Decide(after, new ReclassifyReport(current.Id, Offence.S2A, [Offence.Harassment], "again"), Given.Officer, Given.Now));
    }

    [Fact]
    public void Given_a_closed_case_When_reclassified_Then_it_is_refused()
    {
        var closed = Given.Case(null,
            new SpoConsidered(Guid.Empty, null, false, "no", "pc-1", Given.Now), new CaseClosed(Guid.Empty, "nfa", "r", "pc-1", Given.Now));

        Assert.Equal("case_id", Assert.Throws<RuleViolationException>(() =>
            ReclassifyReportDecision.Decide(closed, new ReclassifyReport(closed.Id, Offence.S2A, [], "r"), Given.Officer, Given.Now)).Field);
    }
}
