using Google.Protobuf;
using Grpc.Core;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>The stalking record in full (issue 17): the night's new fields, amendments as history, s2A's justification, outcomes.</summary>
public sealed class StalkingRecordTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private ServiceUnderTest<PoliceHost> _host = null!;
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private StacReviews.StacReviewsClient _reviews = null!;

    public async Task InitializeAsync()
    {
        _host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(_host.Channel);
        _reviews = new StacReviews.StacReviewsClient(_host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A synthetic report with every field of the stalking record.</summary>
    internal static CrimeReportRecord Full(string offence = "s2A", string? borough = null)
    {
        var record = Synthetic.Report(offence: offence, borough: borough ?? "Borough A");
        record.Behaviours.Add(["phone-text", "surveillance"]);
        record.Location = "home";
        record.Duration = "3-to-6-months";
        record.EscalationVictim = "escalating";
        record.EscalationOfficer = "stable";
        record.Ongoing = true;
        record.LinkedReports.Add(Synthetic.Reference());
        record.SharedChildren = true;
        record.VictimSex = "female";
        record.VictimAgeBand = "25-34";
        record.VictimEthnicity = "declined";
        record.VictimVulnerabilities.Add("mental health");
        record.RepeatVictim = true;
        record.Impact = "Synthetic: changed route to work";
        record.VictimPersonalStatement = "Synthetic statement, version 1";
        record.VictimPersonalStatementMadeOn = Synthetic.DaysAgo(2);
        record.Incidents = 4;
        record.FearOfViolence = true;
        record.SeriousAlarmOrDistress = true;
        return record;
    }

    private async Task<ImportNightReply> Night(params CrimeReportRecord[] records) => await Night(records.Select(IntakeTests.Line));

    private async Task<ImportNightReply> Night(IEnumerable<byte[]> lines)
    {
        using var call = new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "service")).ImportNight();
        await call.RequestStream.WriteAsync(new ImportNightChunk { ImportId = Guid.NewGuid().ToString(), Data = ByteString.CopyFrom(IntakeTests.NightOf(lines)) });
        await call.RequestStream.CompleteAsync();
        return await call;
    }

    [Fact]
    public async Task A_hostile_night_with_every_new_field_imports_the_good_lines_and_an_amendment_keeps_the_earlier_version()
    {
        var good = Full();
        var badBehaviour = Full();
        badBehaviour.Behaviours.Add("staring");
        var tooMany = Full();
        tooMany.Behaviours.Add(Enumerable.Repeat("other", 17));
        var badAge = Full();
        badAge.VictimAgeBand = "forty";
        var negative = Full();
        negative.Incidents = -1;
        var hostile = IntakeTests.Line(Full());
        hostile = [.. hostile[..^1], .. ",\"victimShoeSize\": 9}"u8];

        var reply = await Night([IntakeTests.Line(good), IntakeTests.Line(badBehaviour), IntakeTests.Line(tooMany), IntakeTests.Line(badAge),
            IntakeTests.Line(negative), hostile]);

        Assert.Equal((1, 5), (reply.NewReports, reply.Rejected));
        Assert.Equal([(2, "behaviours"), (3, "behaviours"), (4, "victim_age_band"), (5, "incidents"), (6, "victimShoeSize")],
            reply.Rejections.Select(r => (r.Line, r.Field)));

        var amended = good.Clone();
        amended.Behaviours.Add("threats-of-harm");
        amended.EscalationOfficer = "escalating";
        amended.VictimPersonalStatement = "Synthetic statement, version 2";
        var again = await Night(amended);
        var view = await _intake.GetCaseAsync(new GetCaseRequest { CaseId = Cases.Masip_CaseId(good.CrimeReference) });

        Assert.Equal(1, again.Amended);
        Assert.Equal(["phone-text", "surveillance", "threats-of-harm"], view.Stalking.Behaviours);
        Assert.Equal(("escalating", "escalating", "crime-system"), (view.Stalking.EscalationVictim, view.Stalking.EscalationOfficer, view.Stalking.EscalationOfficerSource));
        Assert.Equal(("home", "3-to-6-months", true, true), (view.Stalking.Location, view.Stalking.Duration, view.Stalking.Ongoing, view.Stalking.SharedChildren));
        Assert.Equal(("female", "25-34", "declined", true), (view.Stalking.VictimSex, view.Stalking.VictimAgeBand, view.Stalking.VictimEthnicity, view.Stalking.RepeatVictim));
        Assert.Equal((4, true, true), (view.Stalking.Incidents, view.Stalking.FearOfViolence, view.Stalking.SeriousAlarmOrDistress));
        var earlier = Assert.Single(view.StalkingHistory);
        Assert.Equal(["phone-text", "surveillance"], earlier.Record.Behaviours);
        Assert.Equal("stable", earlier.Record.EscalationOfficer);
        Assert.Equal(["behaviours", "escalationOfficer", "victimPersonalStatement"], earlier.ChangedFields.Order());
        Assert.Equal(["Synthetic statement, version 1", "Synthetic statement, version 2"], view.VictimPersonalStatements.Select(s => s.Text));
        Assert.True(view.S4AProposed);
        Assert.Empty(view.WithheldFields);
    }

    [Fact]
    public async Task An_s2A_review_needs_a_justification_the_queue_proposes_s4A_and_the_closure_keeps_the_outcome_code()
    {
        var borough = "Borough " + Guid.NewGuid().ToString("N")[..8];
        var record = Full(borough: borough);
        await Night(record);
        var caseId = Cases.Masip_CaseId(record.CrimeReference);
        var queue = await _reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Borough = borough });
        var review = ReviewTests.Review(caseId);
        review.S2AJustification = "";

        var refused = await Assert.ThrowsAsync<RpcException>(() => _reviews.ReviewReportAsync(review).ResponseAsync);
        review.S2AJustification = "single complainant account, CPS advice";
        review.EscalationOfficer = "escalating";
        var reviewed = await _reviews.ReviewReportAsync(review);
        await new PoliceSpo.PoliceSpoClient(_host.Channel).RecordSpoConsideredAsync(new RecordSpoConsideredRequest { CaseId = caseId, Reason = "victim declined" });
        var closed = await _reviews.CloseCaseAsync(new CloseCaseRequest
        {
            CaseId = caseId, Outcome = "nfa", Reason = "victim withdrew", HomeOfficeOutcome = "16", NfaReason = "victim-not-cooperating",
            WithdrawalReason = "fear-of-reprisal",
        });

        Assert.True(Assert.Single(queue.Items).S4AProposed);
        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.StartsWith("s2a_justification:", refused.Status.Detail);
        Assert.Equal("single complainant account, CPS advice", reviewed.Review.S2AJustification);
        Assert.Equal(("escalating", "escalating", "review"), (reviewed.Stalking.EscalationVictim, reviewed.Stalking.EscalationOfficer, reviewed.Stalking.EscalationOfficerSource));
        Assert.Equal(("nfa", "16", "victim-not-cooperating", "fear-of-reprisal"),
            (closed.Closure.Outcome, closed.Closure.HomeOfficeOutcome, closed.Closure.NfaReason, closed.Closure.WithdrawalReason));
    }

    [Fact]
    public async Task Contact_preferences_show_on_the_case_to_whoever_may_contact_the_victim_and_an_interpreter_needs_a_language()
    {
        var record = Synthetic.Report();
        await _intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { record } });
        var contact = new VictimContact.VictimContactClient(_host.Channel);
        var request = new RecordContactPreferencesRequest
        {
            CaseId = Cases.Masip_CaseId(record.CrimeReference), SafeNumbers = { "07700 900555" }, SafeTimes = "weekdays 10:00-14:00",
            NoWithheldNumbers = true, InterpreterNeeded = true, PreferredName = "Sam", ContactOwnerRole = "advocate", ContactOwner = "advocate-7",
        };

        var refused = await Assert.ThrowsAsync<RpcException>(() => contact.RecordContactPreferencesAsync(request).ResponseAsync);
        request.Language = "Polish";
        var recorded = await contact.RecordContactPreferencesAsync(request);
        var chair = await new PoliceIntake.PoliceIntakeClient(_host.ChannelAs("police", "meeting-chair"))
            .GetCaseAsync(new GetCaseRequest { CaseId = request.CaseId });

        Assert.StartsWith("language:", refused.Status.Detail);
        Assert.Equal(("07700 900555", true, "Polish", "Sam", "advocate", "advocate-7"),
            (Assert.Single(recorded.ContactPreferences.SafeNumbers), recorded.ContactPreferences.NoWithheldNumbers, recorded.ContactPreferences.Language,
                recorded.ContactPreferences.PreferredName, recorded.ContactPreferences.ContactOwnerRole, recorded.ContactPreferences.ContactOwner));
        Assert.Equal(recorded.ContactPreferences, chair.ContactPreferences);
    }
}
