using Masip.Contracts.Meetings;
using Masip.Contracts.Messages;
using Masip.Meetings.Agenda.Candidates;
using Xunit;

namespace Masip.Meetings.IntegrationTests;

/// <summary>
/// Issue 13.3: retries and redelivery reorder messages. Each consumer that keeps state from a
/// publisher's news compares the message's position in the publisher's store (the headers the
/// relay sets) with what it last applied and ignores older news. Each test delivers out of order,
/// waits until the late message is consumed (its inbox record: a barrier, not a sleep), then
/// asserts the final state.
/// </summary>
public sealed class OrderTolerantConsumerTests(MeetingsBed bed) : IClassFixture<MeetingsBed>
{
    private static readonly DateOnly Day = MeetingsBed.NextWorkingDay(DateOnly.FromDateTime(DateTime.UtcNow));

    private async Task<T?> Held<T>(Guid id) where T : notnull
    {
        await using var session = bed.Store.QuerySession();
        return await session.LoadAsync<T>(id);
    }

    [Fact]
    public async Task A_removal_delivered_before_the_addition_it_followed_leaves_the_nominal_removed()
    {
        var at = DateTimeOffset.UtcNow.AddMinutes(-30);
        var (removedLate, stillNominal) = (Guid.NewGuid(), Guid.NewGuid());
        var nominal = Guid.NewGuid();

        // The police added the nominal (sequence 100), then removed it (200); the removal arrives first.
        await bed.Consumed<NominalRemovedConsumer>(await bed.Publish(new NominalRemovedV1(nominal, removedLate, "risk reduced (synthetic)", at.AddMinutes(5)), sequence: 200));
        var added = await bed.Publish(new NominalAddedV1(nominal, removedLate, "Test Person 81", "99/810000X", "repeat (synthetic)", Day.AddMonths(3), at), sequence: 100);
        await bed.Consumed<NominalAddedConsumer>(added);
        await bed.Consumed<NominalAddedConsumer>(await bed.Publish(
            new NominalAddedV1(Guid.NewGuid(), stillNominal, "Test Person 82", "99/820000X", "repeat (synthetic)", Day.AddMonths(3), at), sequence: 150));

        var removed = await Held<GriffinNominal>(removedLate);
        Assert.Equal((false, (long?)200), (removed!.Current, removed.LastSequence));
        Assert.True((await Held<GriffinNominal>(stillNominal))!.Current);

        // The Griffin agenda takes news about current nominals only: the removed one's release is not on it.
        var releases = new[]
        {
            await bed.Publish(new ReleaseDueV1(removedLate, Day.AddDays(10), null, at)),
            await bed.Publish(new ReleaseDueV1(stillNominal, Day.AddDays(10), null, at)),
        };
        await bed.Consumed<ReleaseDueConsumer>(releases[0]);
        await bed.Arrived("griffin", Day, [added, releases[1]], "griffin");
        var griffinChair = bed.As("police", "meeting-chair", "griffin");
        var meeting = Guid.NewGuid().ToString();
        await griffinChair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "griffin", Date = MeetingsBed.Day(Day) });
        var agenda = await griffinChair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });
        Assert.Contains(agenda.Items, i => i.ItemId == releases[1]);
        Assert.DoesNotContain(agenda.Items, i => i.ItemId == releases[0]);
    }

    [Fact]
    public async Task An_older_referral_decision_arriving_after_a_newer_one_changes_nothing()
    {
        var referral = Guid.NewGuid();
        var newer = DateTimeOffset.UtcNow.AddMinutes(-5);

        await bed.Consumed<AdvocacyReferralDecidedConsumer>(await bed.Publish(new AdvocacyReferralDecidedV1(referral, "CRIS-ORD-1", true, null, newer), sequence: 500));
        await bed.Consumed<AdvocacyReferralDecidedConsumer>(await bed.Publish(
            new AdvocacyReferralDecidedV1(referral, "CRIS-ORD-1", false, "no capacity (synthetic)", newer.AddHours(-2)), sequence: 400));

        var held = await Held<DecidedReferral>(referral);
        Assert.Equal((newer, true, (long?)500), (held!.DecidedAt, held.Accepted, held.LastSequence));

        // A newer decision still applies.
        await bed.Consumed<AdvocacyReferralDecidedConsumer>(await bed.Publish(
            new AdvocacyReferralDecidedV1(referral, "CRIS-ORD-1", false, "victim moved away (synthetic)", newer.AddMinutes(1)), sequence: 600));
        var decided = await Held<DecidedReferral>(referral);
        Assert.Equal((false, (long?)600), (decided!.Accepted, decided.LastSequence));
    }

    [Fact]
    public async Task A_voice_shared_before_a_withdrawal_stays_withheld_however_late_it_arrives_and_one_shared_after_new_consent_shows()
    {
        var referral = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow.AddMinutes(-40);

        // Shared (700), withdrawn (800), consent given again and shared (900): the first voice arrives last.
        await bed.Consumed<VictimVoiceWithdrawnConsumer>(await bed.Publish(new VictimVoiceWithdrawnV1(referral, at.AddMinutes(10)), sequence: 800));
        var renewed = await bed.Publish(new VictimVoiceSharedV1(referral, "CRIS-ORD-V", "VOICE AFTER: still afraid (synthetic)", "an SPO (synthetic)", at.AddMinutes(20)), sequence: 900);
        var early = await bed.Publish(new VictimVoiceSharedV1(referral, "CRIS-ORD-V", "VOICE BEFORE: afraid (synthetic)", "to move (synthetic)", at), sequence: 700);
        await bed.Arrived("dmm", Day, [renewed, early]);
        // An older withdrawal arriving late does not move the one held.
        await bed.Consumed<VictimVoiceWithdrawnConsumer>(await bed.Publish(new VictimVoiceWithdrawnV1(referral, at.AddMinutes(5)), sequence: 750));
        Assert.Equal(800, (await Held<VoiceWithdrawal>(referral))!.Sequence);

        var meeting = Guid.NewGuid().ToString();
        await bed.Chair.ScheduleMeetingAsync(new ScheduleMeetingRequest { MeetingId = meeting, Type = "dmm", Date = MeetingsBed.Day(Day) });
        var agenda = await bed.Chair.GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = meeting });

        Assert.Contains(agenda.Items.Single(i => i.ItemId == early).Contributions, c => c.WithheldMarker == "[withheld: victim.voice (consent withdrawn)]");
        Assert.DoesNotContain("VOICE BEFORE", agenda.ToString());
        Assert.Contains(agenda.Items.Single(i => i.ItemId == renewed).Contributions, c => c.VictimVoice == "VOICE AFTER: still afraid (synthetic)");

        // Withdrawn again (1000): now neither shows.
        await bed.Consumed<VictimVoiceWithdrawnConsumer>(await bed.Publish(new VictimVoiceWithdrawnV1(referral, at.AddMinutes(30)), sequence: 1000));
        var after = await bed.Chair.GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = meeting });
        Assert.DoesNotContain("VOICE", after.ToString());
    }
}
