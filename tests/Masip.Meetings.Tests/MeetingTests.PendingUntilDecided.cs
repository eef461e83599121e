using Masip.Contracts.Messages;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Xunit;

namespace Masip.Meetings.Tests;

/// <summary>Issue 18.5: a referral awaiting a decision is on every DMM until it is decided, not only the first after it arrived.</summary>
public sealed class MeetingTests_PendingUntilDecided
{
    private static ReferralAwaitingDecisionV1 Pending(Guid id, DateTimeOffset at) =>
        new(id, ReferralAwaitingDecisionV1.Nhs, "police", null, Guid.NewGuid(), Guid.NewGuid(), "medium", at);

    [Fact]
    public void Given_a_pending_referral_on_an_earlier_DMM_When_generating_the_next_Then_it_is_there_again_and_other_items_are_not()
    {
        var pending = Given.Candidate(Pending(Guid.NewGuid(), Given.Now.AddDays(-3)));
        var tiered = Given.Candidate(Given.Tiered(2, "medium", Given.Now.AddDays(-3)));

        var agenda = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(),
            Given.Inputs([pending, tiered], earlier: [pending.Id, tiered.Id]), Given.Now)[0];

        var item = Assert.Single(agenda.Items);
        Assert.Equal((pending.Id, ItemTypes.ReferralAwaitingDecision, 3), (item.ItemId, item.Type, item.AgeDays));
    }

    [Fact]
    public void Given_a_referral_waiting_longer_than_the_lookback_When_generating_Then_it_is_still_pending_until_decided()
    {
        var id = Guid.NewGuid();
        var old = Given.Candidate(Pending(id, Given.Now.AddDays(-(AgendaBuilder.LookbackDays + 10))));

        var still = (AgendaGenerated)GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([old], earlier: [old.Id]), Given.Now)[0];
        var decided = GenerateAgendaDecision.Decide(Given.Meeting(), Given.Inputs([old], earlier: [old.Id]) with
        {
            DecidedReferrals = new Dictionary<Guid, DateTimeOffset> { [id] = Given.Now.AddDays(-1) },
        }, Given.Now);

        Assert.Equal([old.Id], still.Items.Select(i => i.ItemId));
        Assert.Empty(Assert.IsType<AgendaGenerated>(Assert.Single(decided)).Items);
    }
}
