using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.ServiceDefaults.Audit;
using Masip.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// The disclosure audit end to end: every disclosure recorded with who really acted, sealed into a
/// keyed chain per subject that finds a rewritten, removed or cut-off entry; readers never fight
/// over it; a command and its audit commit together or not at all.
/// </summary>
public sealed class DisclosureAuditTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _police = null!;
    private DisclosureAudit.DisclosureAuditClient _audit = null!;

    public async Task InitializeAsync()
    {
        _police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _audit = new DisclosureAudit.DisclosureAuditClient(_police.ChannelAs("police", "auditor", "audit"));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private PoliceReferrals.PoliceReferralsClient PoliceAs(string agency, string role, string? purpose = null, string? sub = null) =>
        new(_police.ChannelAs(agency, role, purpose, sub));

    [Fact]
    public async Task An_auditor_lists_every_disclosure_about_a_subject_in_order_each_verified_against_the_key()
    {
        var request = await Referrals.NewRequestAsync(_police, "CRIS-AUDIT-0001");
        var lookup = new GetVictimReferralRequest { ReferralId = request.ReferralId };
        await PoliceAs("police", "stac-officer", sub: "officer-a").ReferVictimToAdvocacyAsync(request);
        await PoliceAs("police", "stac-officer", sub: "officer-b").GetVictimReferralAsync(lookup);
        await new PoliceReferrals.PoliceReferralsClient(_police.ChannelAs("probation", "probation-officer", "dmm", "probation-c"))
            .GetVictimReferralAsync(lookup, new Metadata { { "x-masip-reason", "DMM item 4: is he known to us?" } });

        // Three reads by people, and the outbox's message to advocacy once the relay published it.
        var trail = await SealedTrail("referral", request.ReferralId, atLeast: 4);

        var byPeople = trail.Entries.Where(e => e.Channel == "grpc").ToList();
        Assert.Equal(["officer-a", "officer-b", "probation-c"], byPeople.Select(e => e.ViewerSub));
        Assert.Equal(Enumerable.Range(1, trail.Entries.Count).Select(i => (long)i), trail.Entries.Select(e => e.Position));
        Assert.All(trail.Entries, e => Assert.Equal("verified", e.Verification));
        Assert.DoesNotContain("victim.contact", byPeople[2].Classes);
        Assert.Contains("victim.contact", byPeople[0].Classes);
        Assert.Equal("dmm", byPeople[2].Purpose);
        Assert.Equal("DMM item 4: is he known to us?", byPeople[2].Reason);
        Assert.Contains(trail.Entries, e => e is { Channel: "message", Recipient: "advocacy", ViewerSub: "service:police" });
        var whatProbationSaw = await _audit.WhatUserSawAsync(new WhatUserSawRequest { ViewerSub = "probation-c" });
        Assert.Single(whatProbationSaw.Entries, e => e.SubjectId == request.ReferralId && e.Verification == "verified");

        var intact = await Verify("referral", request.ReferralId);
        Assert.True(intact.Valid, intact.Reason);
        Assert.Equal(trail.Entries.Count, intact.EntriesChecked);
        Assert.Equal(trail.Entries.Count, intact.HeadEntries);
    }

    [Fact]
    public async Task An_entry_rewritten_with_its_plain_SHA256_hash_recomputed_is_found_and_named()
    {
        var subject = await ThreeReadsOfANewReferral("CRIS-AUDIT-0002");
        var trail = await SealedTrail("referral", subject, atLeast: 3);
        var altered = trail.Entries.First(e => e.ViewerSub == "reader-1");

        // Someone with write access to the database edits the entry and recomputes a hash, as
        // they could with a plain SHA-256 chain. Without the audit key, the MAC cannot be remade.
        await Sql("""
            update masip.mt_events
               set data = jsonb_set(jsonb_set(data, '{ViewerSub}', '"someone-else"'), '{Mac}', to_jsonb(@hash::text))
             where data ->> 'EntryId' = @entry
            """, ("entry", altered.EntryId), ("hash", Sha256Hex($"{altered.EntryId}:someone-else")));

        var broken = await Verify("referral", subject);
        Assert.False(broken.Valid);
        Assert.Equal(altered.Position, broken.FirstBrokenPosition);
        Assert.Equal(altered.EntryId, broken.FirstBrokenEntryId);
        Assert.Contains("does not match its MAC", broken.Reason);
        var shown = await _audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "referral", SubjectId = subject });
        var flagged = Assert.Single(shown.Entries, e => e.EntryId == altered.EntryId);
        Assert.Equal("failed", flagged.Verification);
        Assert.All(shown.Entries.Where(e => e.EntryId != altered.EntryId), e => Assert.Equal("verified", e.Verification));
    }

    [Fact]
    public async Task Deleting_the_newest_entry_of_a_subject_is_found_and_named()
    {
        var subject = await ThreeReadsOfANewReferral("CRIS-AUDIT-0003");
        // The referral, two reads, and the outbox's message to advocacy: all four sealed, so the
        // newest seen here is the newest in the chain.
        var trail = await SealedTrail("referral", subject, atLeast: 4);
        var newest = trail.Entries[^1];

        // A careful intruder removes the entry and its link, so the chain itself still hangs together.
        await Sql("delete from masip.mt_events where data ->> 'EntryId' = @entry", ("entry", newest.EntryId));
        await Sql("delete from masip.mt_doc_auditlink where data ->> 'EntryId' = @entry", ("entry", newest.EntryId));

        var broken = await Verify("referral", subject);
        Assert.False(broken.Valid);
        Assert.Equal(trail.Entries.Count - 1, broken.EntriesChecked);
        Assert.Equal(newest.EntryId, broken.FirstBrokenEntryId);
        Assert.Contains($"the newest (entry {newest.EntryId}, position {newest.Position}) was removed", broken.Reason);
    }

    [Fact]
    public async Task Twelve_readers_of_one_subject_at_the_same_moment_all_succeed_and_join_one_intact_chain()
    {
        var request = await Referrals.NewRequestAsync(_police, "CRIS-AUDIT-0004");
        await PoliceAs("police", "stac-officer").ReferVictimToAdvocacyAsync(request);
        var lookup = new GetVictimReferralRequest { ReferralId = request.ReferralId };

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            PoliceAs("police", "stac-officer", sub: $"reader-{i}").GetVictimReferralAsync(lookup).ResponseAsync));

        var trail = await SealedTrail("referral", request.ReferralId, atLeast: 13);
        Assert.Equal(12, trail.Entries.Count(e => e.ViewerSub.StartsWith("reader-")));
        var verdict = await Verify("referral", request.ReferralId);
        Assert.True(verdict.Valid, verdict.Reason);
    }

    [Fact]
    public async Task Sixteen_readers_of_the_same_fifty_case_queue_page_all_succeed_and_each_is_audited()
    {
        // Fifty synthetic reports of one borough of its own, so the page is exactly these fifty.
        var borough = "Audit Borough " + Guid.NewGuid().ToString("N")[..6];
        var import = new ImportCrimeReportsRequest();
        for (var i = 0; i < 50; i++)
            import.Records.Add(new CrimeReportRecord
            {
                CrimeReference = $"CRIS-QUEUE-{Guid.NewGuid().ToString("N")[..10]}", ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
                OffenceDate = DateTime.UtcNow.Date.AddDays(-12).ToString("yyyy-MM-dd"), PrincipalClassification = i % 3 == 0 ? "s4A" : "s2A",
                SuspectName = $"Synthetic Suspect {i}", VictimName = $"Synthetic Victim {i}", Relationship = "ex-partner",
                Summary = "Synthetic summary.", OfficerInCase = "officer-7", Borough = borough,
            });
        var imported = await new PoliceIntake.PoliceIntakeClient(_police.Channel).ImportCrimeReportsAsync(import);
        Assert.Equal(50, imported.NewReports);
        var queue = new GetReviewQueueRequest { Borough = borough, Page = new Masip.Contracts.Common.PageRequest { PageSize = 50 } };

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(async i =>
        {
            try
            {
                var page = await new StacReviews.StacReviewsClient(_police.ChannelAs("police", "stac-officer", subject: $"queue-reader-{i}"))
                    .GetReviewQueueAsync(queue);
                return (Items: page.Items.Count, Error: (StatusCode?)null);
            }
            catch (RpcException e)
            {
                return (Items: 0, Error: e.StatusCode);
            }
        }));

        Assert.All(results, r => Assert.Null(r.Error));
        Assert.All(results, r => Assert.Equal(50, r.Items));
        // Every reader's disclosure of every case on the page is recorded (and sealed) once.
        var someCase = (await new StacReviews.StacReviewsClient(_police.Channel).GetReviewQueueAsync(queue)).Items[0].CaseId;
        var trail = await SealedTrail("case", someCase, atLeast: 16);
        Assert.Equal(16, trail.Entries.Select(e => e.ViewerSub).Where(s => s.StartsWith("queue-reader-")).Distinct().Count());
        Assert.True((await Verify("case", someCase)).Valid);
    }

    [Fact]
    public async Task A_reply_about_many_subjects_adds_one_entry_to_each_subjects_chain()
    {
        var auditor = _police.Services.GetRequiredService<DisclosureAuditor>();
        var subjects = Enumerable.Range(0, 5).Select(_ => new AuditSubject("case", Guid.NewGuid().ToString())).ToArray();
        await auditor.RecordAsync(new Disclosure(subjects[..2], "earlier", "police", "stac-officer", "police", "grpc", "Test/One",
            ["case.summary"], "dmm", null), CancellationToken.None);
        await auditor.RecordAsync(new Disclosure(subjects, "lister", "police", "stac-officer", "police", "grpc", "Test/List",
            ["case.summary"], "dmm", null), CancellationToken.None);

        foreach (var subject in subjects)
        {
            var expected = subjects[..2].Contains(subject) ? 2 : 1;
            var trail = await SealedTrail(subject.Kind, subject.Id, atLeast: expected);
            Assert.Equal("lister", trail.Entries[^1].ViewerSub);
            Assert.Equal(expected, trail.Entries.Count);
            var verdict = await Verify(subject.Kind, subject.Id);
            Assert.True(verdict.Valid, verdict.Reason);
        }
    }

    [Fact]
    public async Task The_actor_of_a_command_is_the_token_subject_on_the_event_and_in_the_reply()
    {
        var request = await Referrals.NewRequestAsync(_police, "CRIS-AUDIT-0005");

        var reply = await PoliceAs("police", "stac-officer", sub: "officer-zed").ReferVictimToAdvocacyAsync(request);

        Assert.Equal("officer-zed", reply.ReferredBy);
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name));
        await connection.OpenAsync();
        await using var read = new NpgsqlCommand(
            "select user_name, headers::text, data ->> 'ReferredBy' from masip.mt_events where stream_id = @id", connection);
        read.Parameters.AddWithValue("id", Guid.Parse(request.ReferralId));
        await using var row = await read.ExecuteReaderAsync();
        Assert.True(await row.ReadAsync());
        Assert.Equal("officer-zed", row.GetString(0));
        var headers = JsonDocument.Parse(row.GetString(1)).RootElement;
        Assert.Equal("police", headers.GetProperty("actor-agency").GetString());
        Assert.Equal("stac-officer", headers.GetProperty("actor-role").GetString());
        Assert.Equal("officer-zed", row.GetString(2));
    }

    [Fact]
    public async Task A_command_whose_audit_cannot_be_written_is_not_saved_either()
    {
        var request = await Referrals.NewRequestAsync(_police, "CRIS-AUDIT-0006");
        await Sql("""
            create or replace function masip.refuse_audit() returns trigger language plpgsql as
              $$ begin raise exception 'audit storage refused the entry'; end $$;
            create trigger refuse_audit before insert on masip.mt_events
              for each row when (new.type = 'disclosure_recorded') execute function masip.refuse_audit();
            """);
        try
        {
            var error = await Assert.ThrowsAsync<RpcException>(() =>
                PoliceAs("police", "stac-officer").ReferVictimToAdvocacyAsync(request).ResponseAsync);
            Assert.NotEqual(StatusCode.OK, error.StatusCode);
        }
        finally
        {
            await Sql("drop trigger refuse_audit on masip.mt_events; drop function masip.refuse_audit();");
        }

        var lookup = await Assert.ThrowsAsync<RpcException>(() =>
            PoliceAs("police", "stac-officer").GetVictimReferralAsync(new GetVictimReferralRequest { ReferralId = request.ReferralId }).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, lookup.StatusCode);
        Assert.Equal(0L, await Scalar("select count(*) from masip.mt_events where stream_id = @id", ("id", Guid.Parse(request.ReferralId))));
    }

    [Fact]
    public async Task Only_an_auditor_may_read_the_audit()
    {
        var officer = new DisclosureAudit.DisclosureAuditClient(_police.ChannelAs("police", "stac-officer"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            officer.WhatUserSawAsync(new WhatUserSawRequest { ViewerSub = "anyone" }).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }

    private async Task<string> ThreeReadsOfANewReferral(string crimeReference)
    {
        var request = await Referrals.NewRequestAsync(_police, crimeReference);
        await PoliceAs("police", "stac-officer", sub: "reader-0").ReferVictimToAdvocacyAsync(request);
        var lookup = new GetVictimReferralRequest { ReferralId = request.ReferralId };
        await PoliceAs("police", "stac-officer", sub: "reader-1").GetVictimReferralAsync(lookup);
        await PoliceAs("police", "stac-officer", sub: "reader-2").GetVictimReferralAsync(lookup);
        return request.ReferralId;
    }

    // The sealer links entries into the chain within a second or two: wait until it has, then read.
    private async Task<DisclosuresReply> SealedTrail(string kind, string id, int atLeast) =>
        await Eventually.ValueAsync(async () =>
        {
            var reply = await _audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = kind, SubjectId = id });
            return reply.Entries.Count >= atLeast && reply.Entries.All(e => e.Verification == "verified") ? reply : null;
        }, TimeSpan.FromSeconds(30), $"{atLeast} sealed disclosures about {kind} {id}");

    private async Task<ChainVerificationReply> Verify(string kind, string id) =>
        await _audit.VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = kind, SubjectId = id });

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private async Task Sql(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> Scalar(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
