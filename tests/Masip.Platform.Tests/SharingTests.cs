using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Probation;
using Masip.Testing;
using Masip.ServiceDefaults.Audit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>Identity, the agreement at the gRPC exit, and the disclosure audit, end to end.</summary>
public sealed class SharingTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _police = null!;

    public async Task InitializeAsync() => _police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    private PoliceReferrals.PoliceReferralsClient PoliceAs(string agency, string role, string? purpose = null, string? sub = null) =>
        new(_police.ChannelAs(agency, role, purpose, sub));

    [Fact]
    public async Task A_call_without_a_token_or_with_a_forged_one_is_Unauthenticated()
    {
        var anonymous = new PoliceReferrals.PoliceReferralsClient(_police.ChannelWith(null));
        var forged = new PoliceReferrals.PoliceReferralsClient(_police.ChannelWith(
            Masip.ServiceDefaults.Identity.DevelopmentTokens.Mint("intruder", "police", "stac-officer", signingKey: "some-other-key-that-is-long-enough-0001")));
        var request = new GetVictimReferralRequest { ReferralId = Guid.NewGuid().ToString() };

        var none = await Assert.ThrowsAsync<RpcException>(() => anonymous.GetVictimReferralAsync(request).ResponseAsync);
        var bad = await Assert.ThrowsAsync<RpcException>(() => forged.GetVictimReferralAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, none.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, bad.StatusCode);
        var health = await _police.CreateClient().GetAsync("/health/live");
        Assert.True(health.IsSuccessStatusCode, "health endpoints stay open");
    }

    [Fact]
    public async Task A_token_from_an_agency_outside_the_agreement_or_with_a_role_its_agency_lacks_is_refused_saying_why()
    {
        var request = new GetVictimReferralRequest { ReferralId = Guid.NewGuid().ToString() };

        var stranger = await Assert.ThrowsAsync<RpcException>(() => PoliceAs("mi5", "auditor").GetVictimReferralAsync(request).ResponseAsync);
        var masquerade = await Assert.ThrowsAsync<RpcException>(() =>
            PoliceAs("advocacy", "stac-officer").GetVictimReferralAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, stranger.StatusCode);
        Assert.Contains("'mi5' is not a party to the sharing agreement", stranger.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, masquerade.StatusCode);
        Assert.Contains("'stac-officer' is not a role of advocacy", masquerade.Status.Detail);
    }

    [Fact]
    public async Task The_police_crime_system_account_imports_a_report_and_another_agencys_service_account_cannot()
    {
        var record = new CrimeReportRecord
        {
            CrimeReference = "CRIS-SERVICE-" + Guid.NewGuid().ToString("N")[..8], ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
            OffenceDate = DateTime.UtcNow.Date.AddDays(-9).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
            VictimName = "Synthetic Victim", Relationship = "ex-partner", Summary = "Synthetic summary.", OfficerInCase = "officer-7",
            Borough = "Borough A",
        };
        var request = new ImportCrimeReportRequest { Record = record };

        var imported = await new PoliceIntake.PoliceIntakeClient(_police.ChannelAs("police", "service", subject: "crime-system"))
            .ImportCrimeReportAsync(request);
        var refusals = await Task.WhenAll(new[] { "advocacy", "nhs", "probation" }.Select(agency =>
            Assert.ThrowsAsync<RpcException>(() => new PoliceIntake.PoliceIntakeClient(_police.ChannelAs(agency, "service"))
                .ImportCrimeReportAsync(request).ResponseAsync)));

        Assert.Equal(record.CrimeReference, imported.CrimeReference);
        Assert.All(refusals, e => Assert.Equal(StatusCode.PermissionDenied, e.StatusCode));
        Assert.All(refusals, e => Assert.Contains("/service may not call PoliceIntake/ImportCrimeReport", e.Status.Detail));
    }

    [Fact]
    public async Task A_role_the_method_does_not_allow_is_PermissionDenied_and_so_is_a_purpose_it_does_not_allow()
    {
        var request = new GetVictimReferralRequest { ReferralId = Guid.NewGuid().ToString() };

        var advocate = await Assert.ThrowsAsync<RpcException>(() =>
            PoliceAs("advocacy", "advocate").GetVictimReferralAsync(request).ResponseAsync);
        var wrongPurpose = await Assert.ThrowsAsync<RpcException>(() =>
            PoliceAs("probation", "probation-officer", "griffin").GetVictimReferralAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, advocate.StatusCode);
        Assert.Contains("advocacy/advocate", advocate.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, wrongPurpose.StatusCode);
        Assert.StartsWith("x-masip-purpose:", wrongPurpose.Status.Detail);
    }

    [Fact]
    public async Task A_probation_officer_reading_a_victim_referral_for_the_DMM_gets_it_without_contact_details_marked_withheld()
    {
        var request = await Referrals.NewRequestAsync(_police, "CRIS-SHARING-0001");
        await PoliceAs("police", "stac-officer").ReferVictimToAdvocacyAsync(request);

        var seen = await PoliceAs("probation", "probation-officer", "dmm")
            .GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = request.ReferralId });

        Assert.Equal(request.VictimName, seen.VictimName);
        Assert.Equal(request.CrimeReference, seen.CrimeReference);
        Assert.Equal("", seen.VictimPhone);
        Assert.Equal(["victim_phone", "victim_email"], seen.WithheldFields);
    }

    [Fact]
    public async Task Only_an_auditor_may_read_the_audit()
    {
        var officer = new DisclosureAudit.DisclosureAuditClient(_police.ChannelAs("police", "stac-officer"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            officer.WhatUserSawAsync(new WhatUserSawRequest { ViewerSub = "anyone" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    [Fact]
    public async Task A_bad_agreement_file_stops_a_service_with_a_message_naming_the_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"masip-agreement-{Guid.NewGuid():N}.yaml");
        var shipped = await File.ReadAllTextAsync(Masip.ServiceDefaults.Sharing.SharingExtensions.DefaultAgreementPath);
        var lines = shipped.Split('\n').ToList();
        var target = lines.FindIndex(l => l.Contains("classes: [case.summary, police.intelligence, griffin.restricted"));
        lines[target] = lines[target].Replace("police.intelligence", "police.inteligence");
        await File.WriteAllTextAsync(path, string.Join('\n', lines));
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() =>
                bed.StartAsync<ProbationHost>(ProbationHost.Name, new Dictionary<string, string?> { ["Masip:Sharing:Agreement"] = path }));

            var messages = string.Join(" | ", Flatten(error).Select(e => e.Message));
            Assert.Contains($"line {target + 1}: unknown class 'police.inteligence'", messages);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        yield return e;
        if (e is AggregateException aggregate)
            foreach (var inner in aggregate.InnerExceptions.SelectMany(Flatten))
                yield return inner;
        else if (e.InnerException is { } innerException)
            foreach (var inner in Flatten(innerException))
                yield return inner;
    }
}
