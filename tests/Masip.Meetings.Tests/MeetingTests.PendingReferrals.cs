using Masip.Contracts.Messages;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Xunit;

namespace Masip.Meetings.Tests;

/// <summary>The DMM lists referrals not yet accepted, until their decision arrives.</summary>
public sealed class MeetingTests_PendingReferrals
{
    private static readonly DateTimeOffset Overnight = Given.Now.AddHours(-10);

    private static ReferralAwaitingDecisionV1 AdvocacyPending(Guid id, DateTimeOffset at) =>
        new(id, ReferralAwaitingDecisionV1.Advocacy, "police", "CRIS-7001", null, null, null, at);

    private static ReferralAwaitingDecisionV1 NhsPending(Guid id, Guid perpetrator, DateTimeOffset at) =>
        new(id, ReferralAwaitingDecisionV1.Nhs, "probation", null, Guid.NewGuid(), perpetrator, "high", at);

    [Fact]
    public void Given_referrals_awaiting_a_decision_When_generating_a_dmm_agenda_Then_each_is_an_item_with_its_agency_and_risk()
    {
        var advocacy = Given.Candidate(AdvocacyPending(Guid.NewGuid(), Overnight));
        var nhs = Given.Candidate(NhsPending(Guid.NewGuid(), Guid.NewGuid(), Overnight.AddHours(1)));

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([advocacy, nhs]), Given.Now)[0];

        Assert.Equal([nhs.Id, advocacy.Id], agenda.Items.Select(i => i.ItemId));
        Assert.All(agenda.Items, i => Assert.Equal(ItemTypes.ReferralAwaitingDecision, i.Type));
        Assert.Equal([Risks.High, Risks.Medium], agenda.Items.Select(i => i.Risk));
        Assert.Equal(["nhs", "advocacy"], agenda.Items.Select(i => i.Fields.Single(f => f.Name == "agency").Agency));
        Assert.Equal("CRIS-7001", agenda.Items[1].CrimeReference);
        Assert.Contains(agenda.Items[1].Sources, s => s.Kind == "referral" && s.Id == advocacy.ReferralId.ToString());
    }

    [Fact]
    public void Given_a_pending_referral_decided_before_the_meeting_When_generating_Then_it_is_not_pending_and_a_decline_shows_instead()
    {
        var acceptedId = Guid.NewGuid();
        var declinedId = Guid.NewGuid();
        var waitingId = Guid.NewGuid();
        var accepted = Given.Candidate(AdvocacyPending(acceptedId, Overnight));
        var declinedPending = Given.Candidate(NhsPending(declinedId, Guid.NewGuid(), Overnight));
        var waiting = Given.Candidate(AdvocacyPending(waitingId, Overnight.AddHours(2)));
        var declined = Given.Candidate(new NhsReferralDecidedV1(declinedId, declinedPending.PerpetratorId!.Value, false, "out of area", Overnight.AddHours(3)));
        var inputs = Given.Inputs([accepted, declinedPending, waiting, declined]) with
        {
            DecidedReferrals = new Dictionary<Guid, DateTimeOffset> { [acceptedId] = Overnight.AddHours(1), [declinedId] = Overnight.AddHours(3) },
        };

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), inputs, Given.Now)[0];

        Assert.Equal([(declined.Id, ItemTypes.ReferralNotAccepted), (waiting.Id, ItemTypes.ReferralAwaitingDecision)],
            agenda.Items.Select(i => (i.ItemId, i.Type)));
    }

    [Fact]
    public void Given_a_referral_decided_only_after_the_meeting_day_When_generating_that_meeting_again_Then_it_still_shows_pending()
    {
        var id = Guid.NewGuid();
        var pending = Given.Candidate(AdvocacyPending(id, Overnight));

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([pending]) with
            {
                DecidedReferrals = new Dictionary<Guid, DateTimeOffset> { [id] = Given.Now.AddDays(2) },
            }, Given.Now)[0];

        Assert.Equal([pending.Id], agenda.Items.Select(i => i.ItemId));
    }

    [Fact]
    public void Given_a_pending_nhs_referral_When_generating_a_griffin_agenda_Then_it_is_not_griffin_business()
    {
        var perpetrator = Guid.NewGuid();
        var pending = Given.Candidate(NhsPending(Guid.NewGuid(), perpetrator, Overnight));

        var events = GenerateAgendaDecision.Decide(Given.Meeting(MeetingTypes.Griffin),
            Given.Inputs([pending], nominals: [perpetrator]), Given.Now);

        Assert.Empty(Assert.IsType<AgendaGenerated>(Assert.Single(events)).Items);
    }
}
