using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Masip.Testing;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>Referrals not yet accepted reach the DMM agenda through the broker, and leave it once decided.</summary>
public sealed class PendingReferralTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly DateOnly Day = MeetingsBed.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow));

    [Fact]
    public async Task A_pending_referral_is_on_the_DMM_agenda_until_its_decision_arrives()
    {
        var received = DateTimeOffset.UtcNow.AddMinutes(-30);
        var accepted = new ReferralAwaitingDecisionV1(Guid.NewGuid(), ReferralAwaitingDecisionV1.Advocacy, "police", "CRIS-PEND-1", null, null, null, received);
        var declined = new ReferralAwaitingDecisionV1(Guid.NewGuid(), ReferralAwaitingDecisionV1.Nhs, "probation", null, Guid.NewGuid(), Guid.NewGuid(), "high", received);
        var waiting = new ReferralAwaitingDecisionV1(Guid.NewGuid(), ReferralAwaitingDecisionV1.Advocacy, "helpline", "CRIS-PEND-3", null, null, null, received);
        var acceptedItem = await bed.Publish(accepted);
        var declinedItem = await bed.Publish(declined);
        var waitingItem = await bed.Publish(waiting);
        await bed.Arrived("dmm", Day, [acceptedItem, declinedItem, waitingItem]);

        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(Day), Chair = "Chair Person 1" });
        var before = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });

        var pending = before.Items.Where(i => i.Type == "referral-awaiting-decision").ToList();
        Assert.Equal([declinedItem], pending.Where(i => i.Risk == "high").Select(i => i.ItemId));
        Assert.Contains(pending, i => i.ItemId == acceptedItem && i.CrimeReference == "CRIS-PEND-1"
            && i.Sources.Any(s => s.Kind == "referral" && s.Id == accepted.ReferralId.ToString()));
        Assert.Contains(pending, i => i.ItemId == waitingItem);

        await bed.Publish(new AdvocacyReferralDecidedV1(accepted.ReferralId, "CRIS-PEND-1", true, null, DateTimeOffset.UtcNow.AddMinutes(-2)));
        var declineItem = await bed.Publish(new NhsReferralDecidedV1(declined.ReferralId, declined.PerpetratorId!.Value, false, "out of area (synthetic)", DateTimeOffset.UtcNow.AddMinutes(-1)));

        AgendaReply after = before;
        var settled = await Eventually.TrueAsync(async () =>
        {
            after = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
            return after.Items.All(i => i.ItemId != acceptedItem && i.ItemId != declinedItem) && after.Items.Any(i => i.ItemId == declineItem);
        }, TimeSpan.FromSeconds(60), TimeSpan.FromMilliseconds(500));

        Assert.True(settled, "the decisions did not take the pending referrals off a newly generated agenda within 60 s");
        Assert.True(after.Version > before.Version);
        Assert.Contains(after.Items, i => i.ItemId == waitingItem && i.Type == "referral-awaiting-decision");
        Assert.Contains(after.Items, i => i.ItemId == declineItem && i.Type == "referral-not-accepted");
    }
}
