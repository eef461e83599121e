using Masip.Police.Cases;
using Masip.Police.Orders;
using Masip.Police.Orders.Breaches;
using Masip.Police.Orders.Recording;
using Masip.Police.Tests.Cases;
using Masip.ServiceDefaults.Errors;
using Xunit;

namespace Masip.Police.Tests.Orders;

public sealed class ProtectiveOrderTests
{
    private static readonly Guid Person = Guid.Parse("0b7f0a52-6f3e-4d0a-9a8b-7d9b3c1e2f40");

    private static RecordOrder Restraining(StacCase c, params string[] protectedPersons) => new(c.Id, OrderKinds.RestrainingOrder, protectedPersons,
        ["no contact with the victim"], [], Given.Today.AddDays(-30), Given.Today.AddYears(2), "Test Crown Court");

    private static ProtectiveOrder Recorded(StacCase c, RecordOrder command) =>
        ProtectiveOrder.Create((OrderRecorded)OrderDecisions.Decide(null, c, command, Given.Officer, Given.Now).Single());

    [Fact]
    public void A_restraining_order_restrains_the_case_perpetrator_and_protects_the_victim_unless_others_are_named()
    {
        var c = Given.Case();

        var order = Recorded(c, Restraining(c));

        Assert.Equal((Person, "Test Suspect 1", OrderKinds.InForce), (order.PerpetratorId, order.RestrainedPerson, order.Status));
        Assert.Equal(["Test Victim 1"], order.ProtectedPersons);
        Assert.Equal(["Test Victim 2"], Recorded(c, Restraining(c, "Test Victim 2")).ProtectedPersons);
        Assert.Empty(OrderDecisions.Decide(order, c, Restraining(c), Given.Officer, Given.Now));
    }

    [Fact]
    public void An_order_needs_an_identified_suspect_and_a_term()
    {
        var unnamed = Given.Case(Given.Report(suspect: null)) with { PerpetratorId = null, Report = Given.Report() with { Suspect = null } };
        var c = Given.Case();

        Assert.Equal("case_id", Assert.Throws<RuleViolationException>(() =>
            OrderDecisions.Decide(null, unnamed, Restraining(unnamed), Given.Officer, Given.Now)).Field);
        Assert.Equal("prohibitions", Assert.Throws<InvalidFieldException>(() =>
            OrderDecisions.Decide(null, c, Restraining(c) with { Prohibitions = [] }, Given.Officer, Given.Now)).Field);
    }

    [Fact]
    public void Bail_conditions_tell_the_victim()
    {
        var c = Given.Case();
        var events = OrderDecisions.Decide(null, c, Restraining(c) with { Kind = OrderKinds.BailConditions }, Given.Officer, Given.Now);

        var told = Assert.Single(OrderDecisions.VictimNews(c, events, Given.Now).Cast<VictimNotificationRaised>());
        Assert.Equal("bail", told.Kind);
        Assert.Empty(OrderDecisions.VictimNews(c, OrderDecisions.Decide(null, c, Restraining(c), Given.Officer, Given.Now), Given.Now));
    }

    [Fact]
    public void A_breach_before_the_order_was_made_or_after_it_ended_is_refused()
    {
        var c = Given.Case();
        var order = Recorded(c, Restraining(c));
        var breach = new RecordOrderBreach(order.Id, Given.Today.AddDays(-31), "contact", null);

        Assert.Equal("breached_on", Assert.Throws<InvalidFieldException>(() =>
            OrderDecisions.Decide(order, breach, Guid.NewGuid(), BreachSources.Officer, Given.Officer, Given.Now)).Field);
        var ended = order.Apply(new OrderEnded(order.Id, Person, OrderKinds.Discharged, Given.Today.AddDays(-5), "discharged", "stac-1", Given.Now));
        Assert.Throws<RuleViolationException>(() =>
            OrderDecisions.Decide(ended, breach with { BreachedOn = Given.Today }, Guid.NewGuid(), BreachSources.Officer, Given.Officer, Given.Now));
    }

    [Fact]
    public void A_response_stops_the_breach_clock_once()
    {
        var c = Given.Case();
        var order = Recorded(c, Restraining(c));
        var breachId = Guid.NewGuid();
        order = order.Apply((OrderBreachRecorded)OrderDecisions.Decide(order, new RecordOrderBreach(order.Id, Given.Today, "contact", null), breachId,
            BreachSources.Officer, Given.Officer, Given.Now).Single());
        Assert.Equal(Given.Now.AddHours(24), order.BreachResponseDueAt);

        order = order.Apply((BreachResponded)OrderDecisions.Decide(order, new RespondToBreach(order.Id, breachId, "OIC advised"), Given.Officer, Given.Now).Single());

        Assert.Null(order.BreachResponseDueAt);
        Assert.Empty(OrderDecisions.Decide(order, new RespondToBreach(order.Id, breachId, "again"), Given.Officer, Given.Now));
    }

    [Fact]
    public void Two_breaches_of_two_different_orders_prompt_one_separate_offence_review_listing_both()
    {
        var first = new CountedBreach(Guid.NewGuid(), OrderKinds.Spo, Guid.NewGuid(), Guid.NewGuid(), Given.Today.AddDays(-3));
        var second = new CountedBreach(Guid.NewGuid(), OrderKinds.RestrainingOrder, Guid.NewGuid(), Guid.NewGuid(), Given.Today);
        var third = second with { BreachId = Guid.NewGuid() };

        var afterFirst = BreachCounting.Decide(null, Person, first, Given.Now);
        var person = PersonBreaches.Create((BreachCounted)Assert.Single(afterFirst));
        var afterSecond = BreachCounting.Decide(person, Person, second, Given.Now);
        person = afterSecond.Aggregate(person, (p, e) => e switch
        {
            BreachCounted b => p.Apply(b),
            SeparateOffenceReviewPrompted r => p.Apply(r),
            _ => p,
        });

        var prompted = Assert.IsType<SeparateOffenceReviewPrompted>(afterSecond[1]);
        Assert.Equal([first, second], prompted.Breaches);
        Assert.Equal(second.CaseId, prompted.CaseId);
        Assert.IsType<BreachCounted>(Assert.Single(BreachCounting.Decide(person, Person, third, Given.Now)));
        Assert.Empty(BreachCounting.Decide(person, Person, second, Given.Now));
    }
}

public sealed class CourtDateTests
{
    [Fact]
    public void A_court_date_tells_the_victim_once()
    {
        var c = Given.Case();
        var command = new RecordCourtDate(c.Id, Given.Today.AddDays(21), "Test Magistrates' Court", "trial");

        var events = OrderDecisions.Decide(c, command, Given.Officer, Given.Now);

        Assert.Equal("court-date", Assert.IsType<VictimNotificationRaised>(events[1]).Kind);
        Assert.Empty(OrderDecisions.Decide(Given.Apply(c, events), command, Given.Officer, Given.Now));
        Assert.Equal(2, OrderDecisions.Decide(Given.Apply(c, events), command with { Hearing = "sentencing" }, Given.Officer, Given.Now).Count);
    }
}

public sealed class ArrestTests
{
    [Fact]
    public void An_arrest_after_the_report_restarts_the_48_hour_interim_SPO_clock()
    {
        var c = Given.Case(null, new SpoConsidered(Guid.Empty, null, true, "ongoing contact", "stac-1", Given.Now));
        Assert.Equal(c.ImportedAt.AddHours(48), c.InterimSpoDueAt);

        var arrested = Given.Apply(c, OrderDecisions.Decide(c, new RecordArrest(c.Id, Given.Now.AddHours(-2)), Given.Officer, Given.Now));

        Assert.Equal(Given.Now.AddHours(46), arrested.InterimSpoDueAt);
        Assert.Empty(OrderDecisions.Decide(arrested, new RecordArrest(c.Id, Given.Now.AddHours(-2)), Given.Officer, Given.Now));
        Assert.Equal("arrested_at", Assert.Throws<InvalidFieldException>(() =>
            OrderDecisions.Decide(c, new RecordArrest(c.Id, Given.Now.AddDays(-400)), Given.Officer, Given.Now)).Field);
        Assert.Equal("arrested_at", Assert.Throws<InvalidFieldException>(() =>
            OrderDecisions.Decide(c, new RecordArrest(c.Id, Given.Now.AddHours(1)), Given.Officer, Given.Now)).Field);
        // Once an interim application is made, the clock stops.
        var applied = Given.Apply(arrested, [new SpoApplied(Guid.Empty, null, "interim", Given.Today, "stac-1", Given.Now, "given")]);
        Assert.Null(applied.InterimSpoDueAt);
    }
}

public sealed class ImportedBreachReactorTests
{
    [Fact]
    public void Only_events_that_can_make_a_breach_report_naming_an_orders_subject_cost_a_command()
    {
        var report = Given.Report(offence: Offence.Breach);
        var imported = new CrimeReportImported(Guid.NewGuid(), report, "f", Guid.NewGuid(), ["existing-spo"], Given.Now);

        Assert.True(ImportedBreachReactor.MayBeABreachReport(imported));
        Assert.False(ImportedBreachReactor.MayBeABreachReport(imported with { SuspectKnownReasons = ["repeat-perpetrator"] }));
        Assert.False(ImportedBreachReactor.MayBeABreachReport(imported with { Report = Given.Report() }));
        Assert.True(ImportedBreachReactor.MayBeABreachReport(new SuspectIdentified(Guid.NewGuid(), Guid.NewGuid(), ["existing-spo"], Given.Now)));
        Assert.True(ImportedBreachReactor.MayBeABreachReport(new ReportReclassified(Guid.NewGuid(), Offence.S4A, [Offence.Breach], "r", "stac-1", Given.Now)));
    }
}
