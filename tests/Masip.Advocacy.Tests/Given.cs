using Masip.Advocacy.Referrals;
using Masip.Advocacy.Support;
using Masip.Advocacy.VictimUpdates;
using Masip.ServiceDefaults.Commands;

namespace Masip.Advocacy.Tests;

/// <summary>Builds state from events, as Marten does, so tests read Given events / When command / Then events.</summary>
internal static class Given
{
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 7, 30, 0, TimeSpan.Zero); // a Wednesday
    public static readonly Guid ReferralId = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a01");
    public static readonly Guid EpisodeId = Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a02");

    /// <summary>The caller of a command: the token's subject is what events record as who acted.</summary>
    public static readonly Actor Advocate = new("advocate-001", "advocacy", "advocate");

    public static Actor AdvocateNamed(string subject) => Advocate with { Subject = subject };

    public static ReferralReceived Received(string? crimeReference = "CRIS-0001", string victimName = "Test Person 12") =>
        new(ReferralId, "police", crimeReference, victimName, "07700 900123", null, "s4A case, victim asked for support", Now.AddHours(-2));

    public static Referral Referral(params object[] events)
    {
        var referral = Advocacy.Referrals.Referral.Create(Received());
        foreach (var e in events)
            referral = e switch
            {
                DuplicateReferralLinked x => referral.Apply(x),
                ReferralAccepted x => referral.Apply(x),
                ReferralDeclined x => referral.Apply(x),
                ReferralTriaged x => referral.Apply(x),
                SupportAllocated x => referral.Apply(x),
                SupportEnded x => referral.Apply(x),
                UpdatePreferencesAgreed x => referral.Apply(x),
                VictimContactLogged x => referral.Apply(x),
                ConsentToShareGiven x => referral.Apply(x),
                ConsentToShareWithdrawn x => referral.Apply(x),
                VictimVoiceRecorded x => referral.Apply(x),
                _ => throw new ArgumentException($"no Apply for {e.GetType().Name}"),
            };
        return referral;
    }

    public static ReferralAccepted Accepted => new(ReferralId, "CRIS-0001", "advocate-001", Now.AddHours(-1));

    public static ReferralTriaged Triaged(SupportLevel level = SupportLevel.Advocacy, RiskLevel risk = RiskLevel.High) =>
        new(ReferralId, 10, 12, new RiskIndicators(true, false, false, false), risk, null, null, risk, level, "advocate-001", Now.AddMinutes(-30));

    public static SupportEpisode Episode(SupportLevel level = SupportLevel.Advocacy, params object[] events)
    {
        var episode = SupportEpisode.Create(new SupportEpisodeOpened(EpisodeId, ReferralId, "advocate-001", level, RiskLevel.High, Now.AddDays(-3)));
        foreach (var e in events)
            episode = e switch
            {
                SupportEpisodeClosed x => episode.Apply(x),
                SafetyPlanRevised x => episode.Apply(x),
                _ => throw new ArgumentException($"no Apply for {e.GetType().Name}"),
            };
        return episode;
    }

    public static AdvocateCaseload CaseloadOf(int cases, int brief = 0)
    {
        AdvocateCaseload? caseload = null;
        for (var i = 0; i < cases; i++)
        {
            var taken = new AdvocacyCaseTaken("advocate-001", Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-10));
            caseload = caseload is null ? AdvocateCaseload.Create(taken) : caseload.Apply(taken);
        }
        for (var i = 0; i < brief; i++)
        {
            var taken = new BriefCaseTaken("advocate-001", Guid.NewGuid(), Guid.NewGuid(), Now.AddDays(-10));
            caseload = caseload is null ? AdvocateCaseload.Create(taken) : caseload.Apply(taken);
        }
        return caseload!;
    }

    public static VictimUpdateTask Task(DateTimeOffset dueAt, params object[] events)
    {
        var task = VictimUpdateTask.Create(new VictimUpdateTaskOpened(Guid.Parse("0b9f8a52-3d0e-4e57-9c39-3f4b7b1c2a03"), Guid.NewGuid(),
            "CRIS-0001", ReferralId, "charge", "charged with s4A", Now.AddHours(-3), dueAt, Now.AddHours(-3)));
        foreach (var e in events)
            task = e switch
            {
                VictimUpdateGiven x => task.Apply(x),
                VictimUpdateBecameOverdue x => task.Apply(x),
                _ => throw new ArgumentException($"no Apply for {e.GetType().Name}"),
            };
        return task;
    }
}
