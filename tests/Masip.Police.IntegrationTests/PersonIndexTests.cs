using Google.Protobuf;
using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>The person index (issue 17.3): one id per person across reports, and counter-allegations flagged on both.</summary>
public sealed class PersonIndexTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;

    public async Task InitializeAsync() => _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);

    public Task DisposeAsync() => Task.CompletedTask;

    // Every role of every party, and each service account: whoever may call a view.
    private static readonly (string Agency, string Role)[] EveryRole =
    [
        ("police", "stac-officer"), ("police", "meeting-chair"), ("police", "auditor"), ("police", "service"), ("police", "operator"),
        ("probation", "probation-officer"), ("probation", "service"), ("nhs", "clinician"), ("nhs", "service"),
        ("advocacy", "advocate"), ("advocacy", "service"),
    ];

    [Fact]
    public async Task A_counter_allegation_flags_both_records_and_no_view_where_the_person_is_the_suspect_shows_their_contact_details()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var alex = (Name: $"Test Alex {tag}", Dob: "1990-01-01", Phone: $"07700 900{Random.Shared.Next(100, 999)}", Email: $"alex-{tag}@example.invalid",
            Address: $"{tag} Alpha Road");
        var sam = (Name: $"Test Sam {tag}", Dob: "1988-02-02");
        var byAlex = Synthetic.Report(suspect: sam.Name);
        byAlex.SuspectDateOfBirth = sam.Dob;
        (byAlex.VictimName, byAlex.VictimDateOfBirth, byAlex.VictimPhone, byAlex.VictimEmail, byAlex.VictimAddress) =
            (alex.Name, alex.Dob, alex.Phone, alex.Email, alex.Address);
        // Sam's counter-allegation names Alex, spelled differently, as the suspect.
        var bySam = Synthetic.Report(suspect: $"test  ALEX {tag}");
        bySam.SuspectDateOfBirth = alex.Dob;
        bySam.SuspectAddress = "address not known";
        (bySam.VictimName, bySam.VictimDateOfBirth) = (sam.Name, sam.Dob);
        var intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);

        await intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { byAlex } });
        await intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { bySam } });
        var safeNumber = $"07700 900{Random.Shared.Next(100, 999)} (safe)";
        await new VictimContact.VictimContactClient(_host.Channel).RecordContactPreferencesAsync(new RecordContactPreferencesRequest
        {
            CaseId = Cases.Masip_CaseId(byAlex.CrimeReference), SafeNumbers = { safeNumber }, NoWithheldNumbers = true, ContactOwnerRole = "oic",
            ContactOwner = "officer-101",
        });
        var alexVictim = await intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(byAlex.CrimeReference) });
        var alexSuspect = await intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(bySam.CrimeReference) });
        // Alex is referred to advocacy as a victim, and to the NHS as a suspect: only the first carries Alex's contact preferences.
        var referrals = new PoliceReferrals.PoliceReferralsClient(_host.Channel);
        var asVictim = Guid.NewGuid();
        var asSuspect = Guid.NewGuid();
        await referrals.ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
        {
            ReferralId = asVictim.ToString(), CrimeReference = byAlex.CrimeReference, VictimName = alex.Name, Reason = "support",
        });
        await new StacReviews.StacReviewsClient(_host.Channel).ReviewReportAsync(ReviewTests.Review(alexSuspect.CaseId));
        await referrals.ReferPerpetratorToNhsAsync(new ReferPerpetratorToNhsRequest
        {
            ReferralId = asSuspect.ToString(), CaseId = alexSuspect.CaseId, NhsService = "assessment", Reason = "assessment",
        });

        Assert.Equal(alexVictim.Persons.VictimPersonId, alexSuspect.Persons.SuspectPersonId);
        Assert.True(alexVictim.Persons.VictimIsSuspectElsewhere);
        Assert.True(alexSuspect.Persons.SuspectIsVictimElsewhere);
        Assert.Contains(alexSuspect.Persons.OtherRoles, o => o.RoleHere == "suspect" && o.OtherCaseId == alexVictim.CaseId);
        // The check below can fail: the view where Alex is the victim does carry Alex's contact details.
        Assert.Contains(alex.Phone, JsonFormatter.Default.Format(alexVictim));
        Assert.Contains(safeNumber, JsonFormatter.Default.Format(alexVictim));

        var seen = new List<string>();
        foreach (var (agency, role) in EveryRole)
        {
            var channel = _host.ChannelAs(agency, role);
            var views = new List<Func<Task<IMessage>>>
            {
                async () => await new PoliceIntake.PoliceIntakeClient(channel).GetCaseAsync(new GetCaseRequest { CaseId = alexSuspect.CaseId }),
                async () => await new PolicePerpetrators.PolicePerpetratorsClient(channel).GetSuspectHistoryAsync(
                    new GetSuspectHistoryRequest { PerpetratorId = alexSuspect.PerpetratorId }),
                async () => await new StacReviews.StacReviewsClient(channel).GetReviewQueueAsync(new GetReviewQueueRequest()),
                async () => await new PoliceReferrals.PoliceReferralsClient(channel).ListCaseReferralsAsync(
                    new ListCaseReferralsRequest { CaseId = alexSuspect.CaseId }),
            };
            foreach (var view in views)
            {
                try
                {
                    var json = JsonFormatter.Default.Format(await view());
                    seen.Add($"{agency}/{role}");
                    Assert.DoesNotContain(alex.Phone, json);
                    Assert.DoesNotContain(alex.Email, json);
                    Assert.DoesNotContain(alex.Address, json);
                    Assert.DoesNotContain(safeNumber, json);
                }
                catch (RpcException refused)
                {
                    Assert.Contains(refused.StatusCode, new[] { StatusCode.PermissionDenied });
                }
            }
        }
        Assert.Contains("police/stac-officer", seen);

        // What leaves the police: the referral to advocacy (Alex the victim) carries the safe number; the NHS referral (Alex the suspect) nothing of Alex's contact.
        await using var db = new Npgsql.NpgsqlConnection(bed.ConnectionStringFor(PoliceHost.Name));
        await db.OpenAsync();
        async Task<string> EventData(Guid stream)
        {
            await using var command = new Npgsql.NpgsqlCommand("select string_agg(data::text, ' ') from masip.mt_events where stream_id = @id", db);
            command.Parameters.AddWithValue("id", stream);
            return (string)(await command.ExecuteScalarAsync())!;
        }
        Assert.Contains(safeNumber, await EventData(asVictim));
        var toNhs = await EventData(asSuspect);
        Assert.DoesNotContain(safeNumber, toNhs);
        Assert.DoesNotContain(alex.Phone, toNhs);
        Assert.DoesNotContain(alex.Email, toNhs);
    }
}
