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
        var request = Referrals.NewRequest("CRIS-SHARING-0001");
        await PoliceAs("police", "stac-officer").ReferVictimToAdvocacyAsync(request);

        var seen = await PoliceAs("probation", "probation-officer", "dmm")
            .GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = request.ReferralId });

        Assert.Equal(request.VictimName, seen.VictimName);
        Assert.Equal(request.CrimeReference, seen.CrimeReference);
        Assert.Equal("", seen.VictimPhone);
        Assert.Equal(["victim_phone", "victim_email"], seen.WithheldFields);
    }

    [Fact]
    public async Task An_auditor_lists_every_disclosure_about_a_subject_in_order_and_a_tampered_row_breaks_the_chain()
    {
        var request = Referrals.NewRequest("CRIS-AUDIT-0001");
        var lookup = new GetVictimReferralRequest { ReferralId = request.ReferralId };
        await PoliceAs("police", "stac-officer", sub: "officer-a").ReferVictimToAdvocacyAsync(request);
        await PoliceAs("police", "stac-officer", sub: "officer-b").GetVictimReferralAsync(lookup);
        await PoliceAs("probation", "probation-officer", "dmm", sub: "probation-c").GetVictimReferralAsync(lookup);
        var audit = new DisclosureAudit.DisclosureAuditClient(_police.ChannelAs("police", "auditor", "audit"));
        var subject = new WhoSawSubjectRequest { SubjectKind = "referral", SubjectId = request.ReferralId };

        // The outbox's message to advocacy is a disclosure too; it is written when the relay publishes.
        var trail = await Eventually.ValueAsync(async () =>
        {
            var reply = await audit.WhoSawSubjectAsync(subject);
            return reply.Entries.Count >= 4 ? reply : null;
        }, TimeSpan.FromSeconds(30), "four disclosures recorded");

        var byPeople = trail.Entries.Where(e => e.Channel == "grpc").ToList();
        Assert.Equal(["officer-a", "officer-b", "probation-c"], byPeople.Select(e => e.ViewerSub));
        Assert.Equal(trail.Entries.Select(e => e.Version).Order(), trail.Entries.Select(e => e.Version));
        Assert.DoesNotContain("victim.contact", byPeople[2].Classes);
        Assert.Contains("victim.contact", byPeople[0].Classes);
        Assert.Equal("dmm", byPeople[2].Purpose);
        Assert.Contains(trail.Entries, e => e is { Channel: "message", Recipient: "advocacy", ViewerSub: "service:police" });
        var whatProbationSaw = await audit.WhatUserSawAsync(new WhatUserSawRequest { ViewerSub = "probation-c" });
        Assert.Single(whatProbationSaw.Entries, e => e.SubjectId == request.ReferralId);

        var intact = await audit.VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = "referral", SubjectId = request.ReferralId });
        Assert.True(intact.Valid, intact.Reason);
        Assert.Equal(trail.Entries.Count, intact.EntriesChecked);

        var altered = byPeople[1];
        await using (var connection = new NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name)))
        {
            await connection.OpenAsync();
            await using var tamper = new NpgsqlCommand(
                "update masip.mt_events set data = jsonb_set(data, '{ViewerSub}', '\"someone-else\"') where data ->> 'EntryId' = @entry", connection);
            tamper.Parameters.AddWithValue("entry", altered.EntryId);
            Assert.Equal(1, await tamper.ExecuteNonQueryAsync());
        }

        var broken = await audit.VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = "referral", SubjectId = request.ReferralId });
        Assert.False(broken.Valid);
        Assert.Equal(altered.Version, broken.FirstBrokenVersion);
        Assert.Equal(altered.EntryId, broken.FirstBrokenEntryId);
        Assert.Contains(altered.EntryId, broken.Reason);
    }

    [Fact]
    public async Task Disclosures_about_one_subject_at_the_same_moment_all_join_one_intact_chain()
    {
        var request = Referrals.NewRequest("CRIS-AUDIT-0002");
        await PoliceAs("police", "stac-officer").ReferVictimToAdvocacyAsync(request);
        var lookup = new GetVictimReferralRequest { ReferralId = request.ReferralId };

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            PoliceAs("police", "stac-officer", sub: $"reader-{i}").GetVictimReferralAsync(lookup).ResponseAsync));

        var audit = new DisclosureAudit.DisclosureAuditClient(_police.ChannelAs("police", "auditor", "audit"));
        var trail = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "referral", SubjectId = request.ReferralId });
        Assert.Equal(12, trail.Entries.Count(e => e.ViewerSub.StartsWith("reader-")));
        var verdict = await audit.VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = "referral", SubjectId = request.ReferralId });
        Assert.True(verdict.Valid, verdict.Reason);
    }

    [Fact]
    public async Task First_disclosures_about_a_new_subject_at_the_same_moment_start_one_chain()
    {
        var auditor = _police.Services.GetRequiredService<DisclosureAuditor>();
        var subjectId = Guid.NewGuid().ToString();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => auditor.RecordAsync(new Disclosure(
            [("case", subjectId)], $"racer-{i}", "police", "stac-officer", "police", "grpc", "Test/Race", ["case.summary"], "dmm", null),
            CancellationToken.None)));

        var audit = new DisclosureAudit.DisclosureAuditClient(_police.ChannelAs("police", "auditor", "audit"));
        var trail = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "case", SubjectId = subjectId });
        Assert.Equal(8, trail.Entries.Count);
        var verdict = await audit.VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = "case", SubjectId = subjectId });
        Assert.True(verdict.Valid, verdict.Reason);
    }

    [Fact]
    public async Task A_reply_about_many_subjects_adds_one_entry_to_each_subjects_chain()
    {
        var auditor = _police.Services.GetRequiredService<DisclosureAuditor>();
        var subjects = Enumerable.Range(0, 5).Select(_ => ("case", Guid.NewGuid().ToString())).ToArray();
        await auditor.RecordAsync(new Disclosure(subjects[..2], "earlier", "police", "stac-officer", "police", "grpc", "Test/One",
            ["case.summary"], "dmm", null), CancellationToken.None);

        await auditor.RecordAsync(new Disclosure(subjects, "lister", "police", "stac-officer", "police", "grpc", "Test/List",
            ["case.summary"], "dmm", null), CancellationToken.None);

        var audit = new DisclosureAudit.DisclosureAuditClient(_police.ChannelAs("police", "auditor", "audit"));
        foreach (var (kind, id) in subjects)
        {
            var trail = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = kind, SubjectId = id });
            Assert.Equal("lister", trail.Entries[^1].ViewerSub);
            Assert.Equal(subjects[..2].Contains((kind, id)) ? 2 : 1, trail.Entries.Count);
            var verdict = await audit.VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = kind, SubjectId = id });
            Assert.True(verdict.Valid, verdict.Reason);
        }
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
