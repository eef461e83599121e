using System.Diagnostics;
using Grpc.Core;
using Masip.Contracts.Audit;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Matching;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>
/// Data protection built in (issue 19), across the five services with a synthetic demo night:
/// a suspect's subject-access request fans out to the four agencies and no part names the victim;
/// an erased victim is nowhere in a dump of the agencies' databases, while the audit still shows
/// and verifies every disclosure about their case.
/// </summary>
public sealed class DataProtectionTests(CliWorld world) : IClassFixture<CliWorld>
{
    private static readonly DateOnly Night = DateOnly.FromDateTime(DateTime.UtcNow);
    private static readonly string[] Agencies = ["advocacy", "nhs", "police", "probation"];

    private async Task<IReadOnlyList<CrimeReportRecord>> ImportNight(int seed)
    {
        var night = DemoNight.Generate(seed, Night);
        var file = Path.Combine(Path.GetTempPath(), $"masip-dp-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, DemoNight.ToJsonLines(night));
        (await world.RunAsync("police", "import", file)).Succeeded();
        return night;
    }

    private static Metadata Purpose => new() { { "x-masip-purpose", "subject-access" } };

    /// <summary>Every value of the victim's identity and contact details a test looks for, and the victim's name key.</summary>
    private static IReadOnlyList<string> VictimValues(CrimeReportRecord r) =>
        [.. new[] { r.VictimName, NameKey.For(r.VictimName), r.VictimPhone, r.VictimEmail, r.VictimAddress }.Where(v => !string.IsNullOrEmpty(v))];

    [Fact]
    public async Task A_suspects_subject_access_request_fans_out_to_the_four_agencies_and_no_part_names_the_victim()
    {
        var night = await ImportNight(1901);
        var report = night.First(r => r.SuspectName.Length > 0 && r.SuspectDateOfBirth.Length > 0 && r.VictimPhone.Length > 0);
        var suspectKey = NameKey.For(report.SuspectName);
        // The same name with another date of birth is another person (the night's names repeat).
        var theirReports = night.Where(r => NameKey.For(r.SuspectName) == suspectKey && r.SuspectDateOfBirth == report.SuspectDateOfBirth).ToList();
        var namesakes = night.Where(r => NameKey.For(r.SuspectName) == suspectKey).Except(theirReports).ToList();
        // The victim goes to advocacy too, so advocacy holds the victim's details the suspect must not get.
        (await world.RunAsync("police", "refer-victim", StacCase.IdFor(report.CrimeReference).ToString(), "--reason", "Synthetic: wants support")).Succeeded();

        var requestId = Guid.NewGuid().ToString();
        var coordinator = new SubjectAccessCoordinator.SubjectAccessCoordinatorClient(world.ChannelAs("police", "police", "auditor", "subject-access"));
        var request = new RequestSubjectAccessRequest { RequestId = requestId, Name = report.SuspectName, DateOfBirth = report.SuspectDateOfBirth };
        var made = await coordinator.RequestSubjectAccessAsync(request);
        var again = await coordinator.RequestSubjectAccessAsync(request);
        var other = await Assert.ThrowsAsync<RpcException>(() => coordinator.RequestSubjectAccessAsync(
            new RequestSubjectAccessRequest { RequestId = requestId, Name = "Someone Else" }).ResponseAsync);
        var collected = await Eventually.ValueAsync(async () =>
        {
            var r = await coordinator.GetSubjectAccessRequestAsync(new GetSubjectAccessRequestRequest { RequestId = requestId });
            return r.Complete ? r : null;
        }, TimeSpan.FromSeconds(60), "a part from each of the four agencies");

        Assert.Equal(Agencies, made.Awaiting);
        Assert.Equal(made.RequestedAt, again.RequestedAt);
        Assert.Equal(StatusCode.AlreadyExists, other.StatusCode);
        Assert.Equal(Agencies, collected.Parts.Select(p => p.Agency));
        Assert.Empty(collected.Awaiting);

        var parts = new List<SubjectAccessExportReply>();
        foreach (var part in collected.Parts)
        {
            var dpo = new DataProtection.DataProtectionClient(world.ChannelAs(part.Agency, part.Agency, "auditor", "subject-access"));
            var export = await dpo.GetSubjectAccessExportAsync(new GetSubjectAccessExportRequest { ExportId = part.ExportId });
            Assert.Equal((part.Sha256, requestId), (export.Sha256, export.RequestId));
            parts.Add(export);
        }
        var police = parts.Single(p => p.Agency == "police");
        Assert.Contains("suspect", police.Roles);
        Assert.All(theirReports, r => Assert.True(police.Json.Contains(r.CrimeReference), $"{r.CrimeReference} missing from the export:\n{police.Markdown}"));
        Assert.All(namesakes, r => Assert.DoesNotContain(r.CrimeReference, police.Json));
        Assert.Contains(report.SuspectName, police.Json);
        Assert.Contains("victim.identity", police.WithheldClasses);
        Assert.Contains("victim.contact", police.WithheldClasses);
        Assert.Contains("# Subject access export: police", police.Markdown);
        // The grep: no victim of any of the suspect's reports, by name, name key, phone, email or address, in any part.
        foreach (var victim in theirReports.SelectMany(VictimValues).Distinct())
            foreach (var export in parts)
            {
                Assert.DoesNotContain(victim, export.Json, StringComparison.OrdinalIgnoreCase);
                Assert.DoesNotContain(victim, export.Markdown, StringComparison.OrdinalIgnoreCase);
            }
    }

    [Fact]
    public async Task A_victims_export_withholds_police_intelligence_and_the_suspects_identity()
    {
        var night = await ImportNight(1902);
        var report = night.First(r => r.SuspectName.Length > 0 && r.Summary.Length > 0);
        var dpo = new DataProtection.DataProtectionClient(world.ChannelAs("police", "police", "auditor", "subject-access"));

        var export = await dpo.ExportSubjectAccessAsync(new ExportSubjectAccessRequest { ExportId = Guid.NewGuid().ToString(), Name = report.VictimName });
        var bad = await Assert.ThrowsAsync<RpcException>(() =>
            dpo.ExportSubjectAccessAsync(new ExportSubjectAccessRequest { ExportId = Guid.NewGuid().ToString(), Name = "!!" }).ResponseAsync);
        var officer = await Assert.ThrowsAsync<RpcException>(() =>
            new DataProtection.DataProtectionClient(world.ChannelAs("police", "police", "stac-officer")).ExportSubjectAccessAsync(
                new ExportSubjectAccessRequest { ExportId = Guid.NewGuid().ToString(), Name = report.VictimName }).ResponseAsync);

        Assert.Equal(["victim"], export.Roles);
        Assert.Contains(report.VictimName, export.Json);
        Assert.Contains(report.VictimPhone, export.Json);
        Assert.DoesNotContain(report.Summary, export.Json);
        Assert.DoesNotContain(report.SuspectName, export.Json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("police.intelligence", export.WithheldClasses);
        Assert.Equal(StatusCode.InvalidArgument, bad.StatusCode);
        Assert.StartsWith("name:", bad.Status.Detail);
        Assert.Equal(StatusCode.PermissionDenied, officer.StatusCode);
    }

    [Fact]
    public async Task An_erased_victim_is_nowhere_in_the_agencies_databases_and_the_audit_still_shows_and_verifies_the_disclosures()
    {
        var night = await ImportNight(1903);
        var report = night.First(r => r.VictimPhone.Length > 0 && r.VictimAddress.Length > 0);
        var caseId = StacCase.IdFor(report.CrimeReference).ToString();
        var referral = (await world.RunAsync("police", "refer-victim", caseId, "--reason", "Synthetic: wants support", "--json")).Succeeded();
        var referralId = referral.Json.GetProperty("referral_id").GetString()!;
        await Eventually.ValueAsync(async () =>
        {
            var run = await world.RunAsync("advocacy", "referrals", "--json");
            return run.Code == 0 && run.Output.Contains(referralId) ? run : null;
        }, TimeSpan.FromSeconds(30), "the victim referral at advocacy");
        // An officer reads the case: a disclosure about it in the audit.
        var seen = await new PoliceIntake.PoliceIntakeClient(world.ChannelAs("police", "police", "stac-officer"))
            .GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        Assert.Equal(report.VictimName, seen.VictimName);
        var audit = new DisclosureAudit.DisclosureAuditClient(world.ChannelAs("police", "police", "auditor"));
        var before = await Eventually.ValueAsync(async () =>
        {
            var entries = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "case", SubjectId = caseId });
            return entries.Entries.Count > 0 && entries.Entries.All(e => e.Verification == "verified") ? entries : null;
        }, TimeSpan.FromSeconds(30), "the case's disclosures sealed");
        // A subject-access export made before the erasure holds the victim's data: the erasure must reach it too.
        await new DataProtection.DataProtectionClient(world.ChannelAs("police", "police", "auditor", "subject-access"))
            .ExportSubjectAccessAsync(new ExportSubjectAccessRequest { ExportId = Guid.NewGuid().ToString(), Name = report.VictimName });

        var erasures = new List<ErasureReply>();
        foreach (var agency in new[] { "police", "advocacy" })
        {
            var dpo = new DataProtection.DataProtectionClient(world.ChannelAs(agency, agency, "auditor", "subject-access"));
            var erase = new EraseSubjectRequest { ErasureId = Guid.NewGuid().ToString(), Name = report.VictimName, Reason = "Art. 17 request, synthetic" };
            var erased = await dpo.EraseSubjectAsync(erase);
            var repeated = await dpo.EraseSubjectAsync(erase);
            Assert.Equal((erased.RowsRewritten, erased.ErasedAt), (repeated.RowsRewritten, repeated.ErasedAt));
            erasures.Add(erased);
        }

        Assert.All(erasures, e => Assert.True(e.RowsRewritten > 0, $"{e.Agency}: nothing rewritten"));
        Assert.Contains(caseId, erasures[0].Streams);
        foreach (var agency in new[] { "police", "advocacy" })
        {
            var dump = await PgDump(world.ConnectionStringFor(agency));
            Assert.Contains(report.CrimeReference, dump); // the dump is of the right database
            foreach (var value in VictimValues(report))
                Assert.False(dump.Contains(value, StringComparison.OrdinalIgnoreCase), $"{agency}: the dump still holds a value of the victim's ({value.Length} characters)");
        }
        var view = await new PoliceIntake.PoliceIntakeClient(world.ChannelAs("police", "police", "stac-officer"))
            .GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        Assert.Equal("[erased]", view.VictimName);
        Assert.Equal(report.CrimeReference, view.CrimeReference);
        // The audit keeps the ids and the fact of every disclosure, and still verifies.
        var after = await audit.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = "case", SubjectId = caseId });
        Assert.Superset(before.Entries.Select(e => e.EntryId).ToHashSet(), after.Entries.Select(e => e.EntryId).ToHashSet());
        Assert.Contains(after.Entries, e => e.Operation == "DataProtection/EraseSubject");
        var chain = await Eventually.ValueAsync(async () =>
        {
            var check = await audit.VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = "case", SubjectId = caseId });
            return check.PendingEntries == 0 ? check : null;
        }, TimeSpan.FromSeconds(30), "the erasure's own entry sealed");
        Assert.True(chain.Valid, chain.Reason);
    }

    private static async Task<string> PgDump(string connectionString)
    {
        var c = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo("pg_dump", ["-h", c.Host!, "-p", c.Port.ToString(), "-U", c.Username!, "--no-owner", c.Database!])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["PGPASSWORD"] = c.Password;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"pg_dump: {await error}");
        return await output;
    }
}
