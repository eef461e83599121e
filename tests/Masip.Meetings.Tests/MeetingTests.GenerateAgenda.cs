using Masip.Contracts.Messages;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Xunit;

namespace Masip.Meetings.Tests;

public sealed class MeetingTests_GenerateAgenda
{
    private static readonly DateTimeOffset Overnight = Given.Now.AddHours(-10);

    [Fact]
    public void Given_new_inputs_When_generating_Then_items_are_ordered_by_risk_then_type_then_age()
    {
        var tier1 = Given.Candidate(Given.Tiered(1, "standard", Overnight));
        var tier3Late = Given.Candidate(Given.Tiered(3, "high", Overnight.AddHours(2)));
        var tier3Early = Given.Candidate(Given.Tiered(3, "high", Overnight));
        var breach = Given.Candidate(Given.Breach(Overnight.AddHours(5)));
        var tier2 = Given.Candidate(Given.Tiered(2, "medium", Overnight));
        var declined = Given.Candidate(new AdvocacyReferralDecidedV1(Guid.NewGuid(), "CRIS-1", false, "no contact", Overnight));

        var events = GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([tier1, tier3Late, declined, tier3Early, breach, tier2]), Given.Now);

        var agenda = Assert.IsType<AgendaGenerated>(Assert.Single(events));
        Assert.Equal(1, agenda.Version);
        Assert.Equal([breach.Id, tier3Early.Id, tier3Late.Id, tier2.Id, declined.Id, tier1.Id], agenda.Items.Select(i => i.ItemId));
        Assert.Equal(["high", "high", "high", "medium", "medium", "standard"], agenda.Items.Select(i => i.Risk));
    }

    [Fact]
    public void Given_an_agenda_When_generating_again_with_the_same_inputs_Then_no_new_version_but_new_inputs_make_one()
    {
        var candidates = new List<AgendaCandidate> { Given.Candidate(Given.Tiered(3, "high", Overnight)), Given.Candidate(Given.Breach(Overnight)) };
        var first = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs(candidates), Given.Now)[0];
        var meeting = Given.Meeting().Apply(first);

        Assert.Empty(GenerateAgendaDecision.Decide(meeting, Given.Inputs(Enumerable.Reverse(candidates)), Given.Now.AddMinutes(9)));

        candidates.Add(Given.Candidate(Given.Tiered(2, "medium", Overnight)));
        var second = Assert.IsType<AgendaGenerated>(Assert.Single(
            GenerateAgendaDecision.Decide(meeting, Given.Inputs(candidates), Given.Now.AddMinutes(10))));
        Assert.Equal(2, second.Version);
        Assert.Equal(3, second.Items.Count);
    }

    [Fact]
    public void Given_inputs_discussed_earlier_or_after_the_day_When_generating_Then_they_are_left_out()
    {
        var discussed = Given.Candidate(Given.Tiered(3, "high", Overnight.AddDays(-1)));
        var tomorrow = Given.Candidate(Given.Tiered(3, "high", Given.Now.AddDays(1)));
        var fresh = Given.Candidate(Given.Tiered(2, "medium", Overnight));

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([discussed, tomorrow, fresh], earlier: [discussed.Id]), Given.Now)[0];

        Assert.Equal([fresh.Id], agenda.Items.Select(i => i.ItemId));
    }

    [Fact]
    public void Given_overdue_and_not_yet_due_actions_When_generating_Then_only_overdue_ones_of_earlier_meetings_come_back()
    {
        MeetingAction Action(DateOnly due, bool open = true) => new(Guid.NewGuid(), Guid.NewGuid(), MeetingTypes.Dmm, Given.Day.AddDays(-7),
            "x", "call the OIC", "police", "Test Officer 3", due, open, null);
        var overdue = Action(Given.Day.AddDays(-1));
        var notDue = Action(Given.Day.AddDays(2));
        var done = Action(Given.Day.AddDays(-2), open: false);

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([], actions: [overdue, notDue, done]), Given.Now)[0];

        var item = Assert.Single(agenda.Items);
        Assert.Equal(($"action:{overdue.Id}", ItemTypes.ActionOverdue), (item.ItemId, item.Type));
    }

    [Fact]
    public void Given_a_Griffin_meeting_When_generating_Then_only_Griffin_alerts_and_items_about_nominals_are_on_it()
    {
        var nominal = Guid.NewGuid();
        var alert = Given.Candidate(Given.Activity(nominal, Overnight));
        var nominalRelease = Given.Candidate(new ReleaseDueV1(nominal, Given.Day.AddDays(20), "exclusion zone", Overnight));
        var otherRelease = Given.Candidate(new ReleaseDueV1(Guid.NewGuid(), Given.Day.AddDays(20), null, Overnight));
        var voice = Given.Candidate(new VictimVoiceSharedV1(Guid.NewGuid(), "CRIS-1", "afraid", "wants SPO", Overnight));

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(MeetingTypes.Griffin),
            Given.Inputs([alert, nominalRelease, otherRelease, voice], nominals: [nominal]), Given.Now)[0];

        Assert.Equal([alert.Id, nominalRelease.Id], agenda.Items.Select(i => i.ItemId));
    }

    [Fact]
    public void Given_an_s2A_case_tiered_almost_six_months_ago_When_generating_Then_its_time_limit_is_an_item()
    {
        var tiered = Given.Candidate(Given.Tiered(2, "medium", new DateTimeOffset(2026, 6, 10, 9, 0, 0, TimeSpan.Zero), offence: "s2A"));

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([tiered]), Given.Now)[0];

        var item = Assert.Single(agenda.Items);
        Assert.Equal((ItemTypes.S2ALimitNear, "high"), (item.Type, item.Risk));
        Assert.Empty(GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([tiered], earlier: [item.ItemId]), Given.Now)
            .Cast<AgendaGenerated>().Single().Items);
    }

    [Fact]
    public void Given_a_message_When_made_a_candidate_Then_each_field_keeps_its_data_class()
    {
        var candidate = Given.Candidate(new NominalAddedV1(Guid.NewGuid(), Guid.NewGuid(), "Test Person 12", "99/123456X", "repeat", Given.Day, Overnight));

        Assert.Equal("griffin.restricted", candidate.ItemClass);
        Assert.Contains(new ItemField("police", "perpetrator_name", "griffin.restricted", "Test Person 12"), candidate.Fields);
        Assert.Contains(new ItemField("police", "review_due", "record.meta", "2026-11-25"), candidate.Fields);
        Assert.Null(Candidates.From(new AdvocacyReferralDecidedV1(Guid.NewGuid(), null, true, null, Overnight), Guid.NewGuid()));
    }
}

public sealed class MeetingTests_GenerateAgenda_Partners
{
    [Fact]
    public void Given_probation_and_NHS_know_the_perpetrator_When_generating_Then_the_item_carries_each_partner_contribution()
    {
        var perpetrator = Guid.NewGuid();
        var tiered = Given.Candidate(Given.Tiered(3, "high", Given.Now.AddHours(-2), perpetrator: perpetrator));
        var oldRecord = Given.Candidate(new ProbationRecordSharedV1(Guid.NewGuid(), perpetrator, true, "community order", null, "Test Officer 9", 1, null, Given.Now.AddDays(-90)));
        var newRecord = Given.Candidate(new ProbationRecordSharedV1(Guid.NewGuid(), perpetrator, true, "suspended sentence", null, "Test Officer 9", 2, null, Given.Now.AddDays(-40)));
        var risk = Given.Candidate(new RiskSummaryUpdatedV1(perpetrator, Guid.NewGuid(), "high", "high", "high", "low", "fixated (synthetic)", Given.Now.AddDays(-60)));
        var inputs = Given.Inputs([tiered]) with { Background = [oldRecord, newRecord, risk] };

        var item = ((AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), inputs, Given.Now)[0]).Items.Single();

        Assert.Contains(new ItemField("probation", "order_type", "probation.record", "suspended sentence"), item.Fields);
        Assert.DoesNotContain(item.Fields, f => f.Value == "community order");
        Assert.Contains(new ItemField("nhs", "summary", "clinical.risk-summary", "fixated (synthetic)"), item.Fields);
        Assert.Contains(new ItemField("police", "tier", "case.summary", "3"), item.Fields);
        Assert.Contains(item.Sources, s => s.Message == nameof(ProbationRecordSharedV1));
    }
}
