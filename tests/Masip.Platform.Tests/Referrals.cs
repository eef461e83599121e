using Masip.Contracts.Advocacy;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Testing;

namespace Masip.Platform.Tests;

/// <summary>Synthetic referral requests, the cases they name, and the two services' clients.</summary>
internal static class Referrals
{
    /// <summary>A referral of the victim of <paramref name="crimeReference"/>: the police must hold that case (see <see cref="NewRequestAsync"/>).</summary>
    public static ReferVictimToAdvocacyRequest NewRequest(string crimeReference) => new()
    {
        ReferralId = Guid.NewGuid().ToString(),
        CrimeReference = crimeReference,
        VictimName = "Test Victim " + Guid.NewGuid().ToString("N")[..6],
        VictimPhone = "07700 900" + Random.Shared.Next(100, 999),
        VictimEmail = "victim-" + Random.Shared.Next(1000, 9999) + "@example.invalid",
        Reason = "s4A case, victim asked for support",
    };

    /// <summary>A referral naming a synthetic case imported first (a referral names a case the police hold).</summary>
    public static Task<ReferVictimToAdvocacyRequest> NewRequestAsync(ServiceUnderTest<PoliceHost> police, string? crimeReference = null) =>
        NewRequestAsync(police.ChannelAs("police", "stac-officer"), crimeReference);

    /// <summary>The same, through any channel to a police service (a replica running as a process, say).</summary>
    public static async Task<ReferVictimToAdvocacyRequest> NewRequestAsync(Grpc.Net.Client.GrpcChannel police, string? crimeReference = null)
    {
        var request = NewRequest(crimeReference ?? "CRIS-TEST-" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant());
        await ImportCaseAsync(police, request.CrimeReference, request.VictimName);
        return request;
    }

    /// <summary>A synthetic s4A report imported by a STAC officer.</summary>
    public static Task<CaseReply> ImportCaseAsync(ServiceUnderTest<PoliceHost> police, string crimeReference, string victimName = "Test Victim") =>
        ImportCaseAsync(police.ChannelAs("police", "stac-officer"), crimeReference, victimName);

    public static async Task<CaseReply> ImportCaseAsync(Grpc.Net.Client.GrpcChannel police, string crimeReference, string victimName = "Test Victim")
    {
        var day = DateTime.UtcNow.Date;
        return await new PoliceIntake.PoliceIntakeClient(police).ImportCrimeReportAsync(new ImportCrimeReportRequest
        {
            Record = new CrimeReportRecord
            {
                CrimeReference = crimeReference, ReportedOn = day.AddDays(-1).ToString("yyyy-MM-dd"), OffenceDate = day.AddDays(-10).ToString("yyyy-MM-dd"),
                PrincipalClassification = "s4A", VictimName = victimName, Relationship = "ex-partner", Summary = "Synthetic.",
                OfficerInCase = "officer-12", Borough = "Borough P",
            },
        });
    }

    public static async Task<ReferralReply> ArrivesAtAdvocacy(AdvocacyReferrals.AdvocacyReferralsClient advocacy, string referralId, TimeSpan? timeout = null) =>
        await Eventually.ValueAsync(
            async () => await advocacy.GetReferralAsync(new GetReferralRequest { ReferralId = referralId }),
            timeout ?? TimeSpan.FromSeconds(30), $"referral {referralId} reaching advocacy");
}
