using Masip.Advocacy.VictimUpdates;
using Masip.Advocacy.VictimUpdates.OpeningTasks;
using Masip.ServiceDefaults.Messaging;
using Xunit;

namespace Masip.Advocacy.Tests.VictimUpdates;

public sealed class VictimUpdateTaskTests_OpenTask
{
    private static readonly Guid TaskId = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a03");
    private static readonly Guid CaseId = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a04");
    private static readonly Guid PoliceStream = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a05");
    private static readonly DateTimeOffset Friday = new(2026, 11, 27, 16, 0, 0, TimeSpan.Zero);

    private static OpenVictimUpdateTask Open(string kind, DateTimeOffset occurredAt) =>
        new(TaskId, CaseId, "CRIS-0001", Given.ReferralId, kind, "charged with s4A", occurredAt);

    private static MessageSource At(long sequence) => new(sequence, PoliceStream, sequence);

    private static CaseNews NewsAt(long sequence) =>
        CaseNews.Create(new PoliceCaseEventApplied(CaseId, sequence, Guid.NewGuid(), "charge", Given.Now.AddDays(-1), Given.Now.AddDays(-1)));

    [Fact]
    public void Given_a_charge_on_a_Friday_When_opening_the_task_Then_it_is_due_one_working_day_later_on_Monday()
    {
        var opening = OpenVictimUpdateTaskDecision.Decide(null, null, Open("charge", Friday), At(10), new VictimUpdateOptions(), Given.Now);

        var opened = Assert.IsType<VictimUpdateTaskOpened>(Assert.Single(opening.TaskEvents));
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), opened.DueAt);
        Assert.Equal("charge", opened.Kind);
        Assert.Equal(new PoliceCaseEventApplied(CaseId, 10, TaskId, "charge", Friday, Given.Now), Assert.Single(opening.NewsEvents));
    }

    [Fact]
    public void Given_news_applied_at_20_When_an_older_event_or_the_same_one_arrives_Then_no_task_is_opened()
    {
        var news = NewsAt(20);

        Assert.True(OpenVictimUpdateTaskDecision.Decide(news, null, Open("charge", Friday), At(10), new VictimUpdateOptions(), Given.Now).IsIgnored);
        Assert.True(OpenVictimUpdateTaskDecision.Decide(news, null, Open("court-date", Friday), At(20), new VictimUpdateOptions(), Given.Now).IsIgnored);
        var newer = OpenVictimUpdateTaskDecision.Decide(news, null, Open("bail", Friday), At(21), new VictimUpdateOptions(), Given.Now);
        Assert.Equal(21, news.Apply((PoliceCaseEventApplied)Assert.Single(newer.NewsEvents)).LastSequence);
    }

    [Fact]
    public void A_message_without_a_position_is_applied_and_moves_no_position()
    {
        var news = NewsAt(20);

        var opening = OpenVictimUpdateTaskDecision.Decide(news, null, Open("charge", Friday), MessageSource.Unknown, new VictimUpdateOptions(), Given.Now);

        Assert.Single(opening.TaskEvents);
        Assert.Equal(20, news.Apply((PoliceCaseEventApplied)Assert.Single(opening.NewsEvents)).LastSequence);
    }

    [Fact]
    public void Given_the_task_of_this_event_already_opened_When_it_arrives_again_without_a_position_Then_nothing_is_opened()
    {
        var opening = OpenVictimUpdateTaskDecision.Decide(null, null, Open("charge", Friday), MessageSource.Unknown, new VictimUpdateOptions(), Given.Now);
        var opened = VictimUpdateTask.Create((VictimUpdateTaskOpened)opening.TaskEvents[0]);

        Assert.True(OpenVictimUpdateTaskDecision.Decide(null, opened, Open("charge", Friday), MessageSource.Unknown, new VictimUpdateOptions(), Given.Now).IsIgnored);
    }

    [Fact]
    public void The_same_police_event_always_names_the_same_task_whatever_its_message_id()
    {
        var first = OpenVictimUpdateTaskDecision.TaskIdFor(At(7), Guid.NewGuid());
        var again = OpenVictimUpdateTaskDecision.TaskIdFor(At(7), Guid.NewGuid());
        var other = OpenVictimUpdateTaskDecision.TaskIdFor(At(8), Guid.NewGuid());
        var messageId = Guid.NewGuid();

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(OpenVictimUpdateTaskDecision.TaskIdFor(MessageSource.Unknown, messageId), OpenVictimUpdateTaskDecision.TaskIdFor(MessageSource.Unknown, messageId));
    }

    [Fact]
    public void The_due_time_per_kind_and_a_fixed_delay_are_configurable()
    {
        var courtDate = OpenVictimUpdateTaskDecision.DueAt("court-date", Given.Now, new VictimUpdateOptions());
        var drill = OpenVictimUpdateTaskDecision.DueAt("charge", Given.Now, new VictimUpdateOptions { DueAfter = TimeSpan.FromSeconds(2) });
        var unknown = OpenVictimUpdateTaskDecision.DueAt("something-new", Given.Now, new VictimUpdateOptions { DefaultWorkingDays = 2 });

        Assert.Equal(Given.Now.AddDays(7), courtDate); // Wednesday + 5 working days = next Wednesday
        Assert.Equal(Given.Now.AddSeconds(2), drill);
        Assert.Equal(Given.Now.AddDays(2), unknown);
    }
}
