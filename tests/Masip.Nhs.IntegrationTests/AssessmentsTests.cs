using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>SRP assessments: the clinical record stays in the NHS; only the risk summary is published.</summary>
public sealed class AssessmentsTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private NhsWorld _nhs = null!;

    public async Task InitializeAsync() => _nhs = await NhsWorld.StartAsync(bed);

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    [Fact]
    public async Task Completing_an_assessment_keeps_the_clinical_record_and_publishes_a_risk_summary_without_clinical_text()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs, "police");
        var request = Samples.Assessment(referral.ReferralId, marker: "-" + Guid.NewGuid().ToString("N")[..8]);

        var completed = await _nhs.Assessments.CompleteAssessmentAsync(request);

        Assert.Equal(request.Formulation, completed.Formulation);
        Assert.Equal(["rejected", "resentful"], completed.MullenTypes);
        Assert.Equal(("high", request.RiskOfViolence.Rationale), (completed.RiskOfViolence.Level, completed.RiskOfViolence.Rationale));
        Assert.Equal(referral.PerpetratorId, completed.PerpetratorId);

        var published = await _nhs.PublishedAsync<RiskSummaryUpdatedV1>(
            m => m.ReferralId.ToString() == referral.ReferralId, "RiskSummaryUpdatedV1");
        Assert.Equal(("high", "moderate", "high", "low"),
            (published.RiskOfViolence, published.RiskOfPersistence, published.RiskOfRecurrence, published.RiskOfPsychologicalDamage));
        Assert.Equal(request.RiskSummary, published.Summary);
        Assert.Equal(referral.PerpetratorId, published.PerpetratorId.ToString());
        var everyText = string.Join("\n", typeof(RiskSummaryUpdatedV1).GetProperties().Select(p => p.GetValue(published)?.ToString()));
        var clinical = new[]
        {
            request.Formulation, request.RiskOfViolence.Rationale, request.Persistence.Rationale,
            request.Recurrence.Rationale, request.PsychologicalDamage.Rationale,
        };
        Assert.All(clinical, text => Assert.DoesNotContain(text, everyText));
        Assert.All(clinical, text => Assert.DoesNotContain(text.Split(':')[0], everyText)); // not even the marker
        Assert.DoesNotContain("resentful", everyText);
    }

    [Fact]
    public async Task An_assessment_can_be_read_back_and_partners_read_only_its_risk_summary()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        var request = Samples.Assessment(referral.ReferralId);
        await _nhs.Assessments.CompleteAssessmentAsync(request);
        var again = await _nhs.Assessments.CompleteAssessmentAsync(request);

        var read = await _nhs.Assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = request.AssessmentId });
        var summary = await _nhs.Assessments.GetRiskSummaryAsync(new GetRiskSummaryRequest { ReferralId = referral.ReferralId });

        Assert.Equal(again.CompletedAt, read.CompletedAt);
        Assert.Equal(request.Persistence.Rationale, read.Persistence.Rationale);
        Assert.Equal((request.AssessmentId, "high", "moderate", "high", "low", request.RiskSummary),
            (summary.AssessmentId, summary.RiskOfViolence, summary.Persistence, summary.Recurrence, summary.PsychologicalDamage, summary.Summary));
        Assert.Equal(1, await _nhs.EventCountAsync(Guid.Parse(request.AssessmentId)));

        // A partner (police, for the DMM) reads the risk summary, whole, and not the assessment.
        using var police = _nhs.Host.ChannelAs("police", "stac-officer", "dmm");
        var partners = new NhsAssessments.NhsAssessmentsClient(police);
        var forPolice = await partners.GetRiskSummaryAsync(new GetRiskSummaryRequest { ReferralId = referral.ReferralId });
        Assert.Equal((request.AssessmentId, "high", "moderate", request.RiskSummary),
            (forPolice.AssessmentId, forPolice.RiskOfViolence, forPolice.Persistence, forPolice.Summary));
        Assert.Empty(forPolice.WithheldFields);
        var denied = await Assert.ThrowsAsync<RpcException>(
            () => partners.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = request.AssessmentId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task An_assessment_for_an_unknown_referral_is_NotFound_naming_referral_id_and_nothing_is_stored()
    {
        var request = Samples.Assessment(Guid.NewGuid().ToString());

        await NhsWorld.FailsAsync(StatusCode.NotFound, "referral_id", () => _nhs.Assessments.CompleteAssessmentAsync(request).ResponseAsync);

        await NhsWorld.FailsAsync(StatusCode.NotFound, "assessment_id",
            () => _nhs.Assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = request.AssessmentId }).ResponseAsync);
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(request.AssessmentId)));
    }

    [Theory]
    [InlineData("risk_of_violence")]
    [InlineData("persistence")]
    [InlineData("recurrence")]
    [InlineData("psychological_damage")]
    public async Task A_rating_outside_its_scale_is_InvalidArgument_naming_the_field_and_nothing_is_stored(string domain)
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        var request = Samples.Assessment(referral.ReferralId);
        ((SrpRating)CompleteAssessmentRequest.Descriptor.FindFieldByName(domain).Accessor.GetValue(request)).Level = "severe";

        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, domain + ".level", () => _nhs.Assessments.CompleteAssessmentAsync(request).ResponseAsync);

        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(request.AssessmentId)));
        await NhsWorld.FailsAsync(StatusCode.NotFound, "referral_id",
            () => _nhs.Assessments.GetRiskSummaryAsync(new GetRiskSummaryRequest { ReferralId = referral.ReferralId }).ResponseAsync);
    }

    [Fact]
    public async Task An_assessment_for_a_declined_referral_is_FailedPrecondition()
    {
        var recorded = await _nhs.Referrals.RecordReferralAsync(Samples.Referral());
        await _nhs.Referrals.DeclineReferralAsync(new DeclineReferralRequest { ReferralId = recorded.ReferralId, Reason = "out of area" });
        var request = Samples.Assessment(recorded.ReferralId);

        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "referral_id", () => _nhs.Assessments.CompleteAssessmentAsync(request).ResponseAsync);

        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(request.AssessmentId)));
    }

    [Fact]
    public async Task A_second_assessment_of_a_referral_is_FailedPrecondition_naming_supersedes_assessment_id_and_nothing_is_stored()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        var first = await _nhs.Assessments.CompleteAssessmentAsync(Samples.Assessment(referral.ReferralId));
        var second = Samples.Assessment(referral.ReferralId);

        var error = await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "supersedes_assessment_id",
            () => _nhs.Assessments.CompleteAssessmentAsync(second).ResponseAsync);
        var stranger = Samples.Assessment(referral.ReferralId);
        stranger.SupersedesAssessmentId = Guid.NewGuid().ToString();
        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "supersedes_assessment_id",
            () => _nhs.Assessments.CompleteAssessmentAsync(stranger).ResponseAsync);

        Assert.Contains(first.AssessmentId, error.Status.Detail);
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(second.AssessmentId)));
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(stranger.AssessmentId)));
        var read = await _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = referral.ReferralId });
        Assert.Equal(first.AssessmentId, read.AssessmentId);
    }

    [Fact]
    public async Task A_reassessment_that_supersedes_the_first_is_recorded_as_such_and_its_summary_is_the_referrals()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        var first = await _nhs.Assessments.CompleteAssessmentAsync(Samples.Assessment(referral.ReferralId));
        var reassessment = Samples.Assessment(referral.ReferralId);
        reassessment.RiskOfViolence.Level = "moderate";
        reassessment.RiskSummary = "Moderate risk of violence after treatment; recurrence still high.";
        reassessment.SupersedesAssessmentId = first.AssessmentId;

        var completed = await _nhs.Assessments.CompleteAssessmentAsync(reassessment);
        var again = await _nhs.Assessments.CompleteAssessmentAsync(reassessment);

        Assert.Equal((first.AssessmentId, ""), (completed.SupersedesAssessmentId, completed.SupersededByAssessmentId));
        Assert.Equal(completed.CompletedAt, again.CompletedAt);
        var earlier = await _nhs.Assessments.GetAssessmentAsync(new GetAssessmentRequest { AssessmentId = first.AssessmentId });
        Assert.Equal(reassessment.AssessmentId, earlier.SupersededByAssessmentId);
        var summary = await _nhs.Assessments.GetRiskSummaryAsync(new GetRiskSummaryRequest { ReferralId = referral.ReferralId });
        Assert.Equal((reassessment.AssessmentId, "moderate", reassessment.RiskSummary), (summary.AssessmentId, summary.RiskOfViolence, summary.Summary));
        Assert.Equal(reassessment.AssessmentId,
            (await _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = referral.ReferralId })).AssessmentId);
        // Partners hear the newer summary too (levels and summary only, as ever).
        var published = await _nhs.PublishedAsync<RiskSummaryUpdatedV1>(
            m => m.ReferralId.ToString() == referral.ReferralId && m.Summary == reassessment.RiskSummary, "the reassessment's RiskSummaryUpdatedV1");
        Assert.Equal("moderate", published.RiskOfViolence);

        // The superseded one cannot be superseded again: only the current assessment can.
        var late = Samples.Assessment(referral.ReferralId);
        late.SupersedesAssessmentId = first.AssessmentId;
        await NhsWorld.FailsAsync(StatusCode.FailedPrecondition, "supersedes_assessment_id",
            () => _nhs.Assessments.CompleteAssessmentAsync(late).ResponseAsync);
    }

    [Fact]
    public async Task Two_clinicians_assessing_one_referral_at_once_leave_one_assessment_and_the_other_is_told_to_supersede_it()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        var requests = Enumerable.Range(0, 4).Select(_ => Samples.Assessment(referral.ReferralId)).ToList();

        var outcomes = await Task.WhenAll(requests.Select(async r =>
        {
            try
            {
                await _nhs.Assessments.CompleteAssessmentAsync(r);
                return StatusCode.OK;
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition && e.Status.Detail.StartsWith("supersedes_assessment_id:"))
            {
                return e.StatusCode;
            }
        }));

        Assert.Single(outcomes, o => o == StatusCode.OK);
        var events = 0L;
        foreach (var r in requests)
            events += await _nhs.EventCountAsync(Guid.Parse(r.AssessmentId));
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task The_assessing_clinician_is_the_caller_and_every_event_names_them()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        using var channel = _nhs.Host.ChannelAs("nhs", "clinician", subject: "clinician-assessor-41");
        var request = Samples.Assessment(referral.ReferralId);

        var completed = await new NhsAssessments.NhsAssessmentsClient(channel).CompleteAssessmentAsync(request);

        Assert.Equal("clinician-assessor-41", completed.Clinician);
        Assert.Equal(["clinician-assessor-41"], await _nhs.ActorsAsync(Guid.Parse(request.AssessmentId)));
    }

    [Fact]
    public async Task Ten_thousand_Mullen_types_are_InvalidArgument_naming_the_bound_and_nothing_is_stored()
    {
        var referral = await Samples.AcceptedReferralAsync(_nhs);
        var request = Samples.Assessment(referral.ReferralId);
        request.MullenTypes.Clear();
        request.MullenTypes.AddRange(Enumerable.Repeat("rejected", 10000));

        var error = await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "mullen_types",
            () => _nhs.Assessments.CompleteAssessmentAsync(request).ResponseAsync);

        Assert.Equal("mullen_types: at most 5 items; got 10000", error.Status.Detail);
        Assert.Equal(0, await _nhs.EventCountAsync(Guid.Parse(request.AssessmentId)));
        var unknown = Samples.Assessment(referral.ReferralId);
        unknown.MullenTypes.Add("erotomanic");
        await NhsWorld.FailsAsync(StatusCode.InvalidArgument, "mullen_types", () => _nhs.Assessments.CompleteAssessmentAsync(unknown).ResponseAsync);
    }
}
