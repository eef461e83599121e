using Grpc.Core;
using Masip.Contracts.Advocacy;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Police;
using Masip.Police.Cases;
using Masip.Testing;
using Xunit;

namespace Masip.Cli.Tests;

/// <summary>
/// Rectification and restriction of processing (issue 19 items 2 and 3b), across the services with
/// a synthetic demo night: a victim's phone corrected at the police is shown corrected in the case
/// and in advocacy's copy (by message), its history for the DPO only; a restricted victim's case
/// refuses a review and a referral, stays readable, and takes them again once the restriction is lifted.
/// </summary>
public sealed class RectificationAndRestrictionTests(CliWorld world) : IClassFixture<CliWorld>
{
    private static readonly DateOnly Night = DateOnly.FromDateTime(DateTime.UtcNow);

    private async Task<IReadOnlyList<CrimeReportRecord>> ImportNight(int seed)
    {
        var night = DemoNight.Generate(seed, Night);
        var file = Path.Combine(Path.GetTempPath(), $"masip-dp-{Guid.NewGuid():N}.jsonl");
        await File.WriteAllTextAsync(file, DemoNight.ToJsonLines(night));
        (await world.RunAsync("police", "import", file)).Succeeded();
        return night;
    }

    private DataProtection.DataProtectionClient Dpo(string agency) =>
        new(world.ChannelAs(agency, agency, "auditor", "subject-access"));

    [Fact]
    public async Task A_victims_phone_corrected_at_the_police_shows_in_the_case_and_in_advocacys_copy_and_its_history_is_the_dpos_alone()
    {
        var night = await ImportNight(1911);
        var report = night.First(r => r.VictimPhone.Length > 0 && !r.PolicePerpetrated);
        var caseId = StacCase.IdFor(report.CrimeReference).ToString();
        var referral = (await world.RunAsync("police", "refer-victim", caseId, "--reason", "Synthetic: wants support", "--json")).Succeeded();
        var referralId = referral.Json.GetProperty("referral_id").GetString()!;
        var advocate = new AdvocacyReferrals.AdvocacyReferralsClient(world.ChannelAs("advocacy", "advocacy", "advocate", "case-management"));
        await Eventually.ValueAsync(async () =>
        {
            var run = await world.RunAsync("advocacy", "referrals", "--json");
            return run.Code == 0 && run.Output.Contains(referralId) ? run : null;
        }, TimeSpan.FromSeconds(30), "the victim referral at advocacy");
        Assert.Equal(report.VictimPhone, (await advocate.GetReferralAsync(new GetReferralRequest { ReferralId = referralId })).VictimPhone);

        var police = Dpo("police");
        var correct = new RectifyRecordRequest
        {
            Record = "case", RecordId = caseId, Field = "victim.phone", Value = "07700 900 111", Reason = "Art. 16 request: the number was mistyped (synthetic)",
        };
        var made = await police.RectifyRecordAsync(correct);
        var again = await police.RectifyRecordAsync(correct);
        var badField = await Assert.ThrowsAsync<RpcException>(() => police.RectifyRecordAsync(
            new RectifyRecordRequest { Record = "case", RecordId = caseId, Field = "summary", Value = "x", Reason = "synthetic" }).ResponseAsync);
        var badValue = await Assert.ThrowsAsync<RpcException>(() => police.RectifyRecordAsync(
            new RectifyRecordRequest { Record = "case", RecordId = caseId, Field = "suspect.dateOfBirth", Value = "yesterday", Reason = "synthetic" }).ResponseAsync);

        Assert.True(made.Changed);
        Assert.False(again.Changed);
        Assert.Equal((StatusCode.InvalidArgument, true), (badField.StatusCode, badField.Status.Detail.StartsWith("field:")));
        Assert.Equal((StatusCode.InvalidArgument, true), (badValue.StatusCode, badValue.Status.Detail.StartsWith("value:")));
        // The case shows the corrected value to the officer (the sharing filter as before).
        var seen = await new PoliceIntake.PoliceIntakeClient(world.ChannelAs("police", "police", "stac-officer"))
            .GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        Assert.Equal("07700 900 111", seen.VictimPhone);
        // Advocacy's copy, by message.
        var copy = await Eventually.ValueAsync(async () =>
        {
            var r = await advocate.GetReferralAsync(new GetReferralRequest { ReferralId = referralId });
            return r.VictimPhone == "07700 900 111" ? r : null;
        }, TimeSpan.FromSeconds(30), "the corrected phone in advocacy's referral");
        Assert.Equal(report.VictimName, copy.VictimName);

        // The history: one correction (the repeat appended nothing), old, new, reason, who, for the DPO.
        var history = await police.GetRectificationHistoryAsync(new GetRectificationHistoryRequest { Record = "case", RecordId = caseId });
        var entry = Assert.Single(history.Rectifications);
        Assert.Equal(("victim.phone", report.VictimPhone, "07700 900 111", correct.Reason),
            (entry.Field, entry.OldValue, entry.NewValue, entry.Reason));
        Assert.NotEmpty(entry.RectifiedBy);
        var atAdvocacy = await Dpo("advocacy").GetRectificationHistoryAsync(new GetRectificationHistoryRequest { Record = "referral", RecordId = referralId });
        Assert.Equal((report.VictimPhone, "07700 900 111"), (Assert.Single(atAdvocacy.Rectifications).OldValue, atAdvocacy.Rectifications[0].NewValue));
        // An advocate is not allowed the history.
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            new DataProtection.DataProtectionClient(world.ChannelAs("advocacy", "advocacy", "advocate", "subject-access"))
                .GetRectificationHistoryAsync(new GetRectificationHistoryRequest { Record = "referral", RecordId = referralId }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    [Fact]
    public async Task A_restricted_victims_case_refuses_a_review_and_a_referral_stays_readable_and_takes_them_once_lifted()
    {
        var night = await ImportNight(1912);
        var report = night.First(r => !r.PolicePerpetrated && r.VictimPhone.Length > 0);
        var caseId = StacCase.IdFor(report.CrimeReference).ToString();
        var police = Dpo("police");
        var restricted = await police.RestrictProcessingAsync(new RestrictProcessingRequest
        {
            Name = report.VictimName, Reason = "Art. 18(1)(a): the victim contests the accuracy of their record (synthetic)",
        });
        var again = await police.RestrictProcessingAsync(new RestrictProcessingRequest { Name = report.VictimName, Reason = "again" });
        Assert.True(restricted.Active);
        Assert.Contains(caseId, restricted.Streams);
        Assert.Equal(restricted.RestrictedAt, again.RestrictedAt);

        var reviews = new StacReviews.StacReviewsClient(world.ChannelAs("police", "police", "stac-officer", "case-management"));
        var review = new ReviewReportRequest
        {
            CaseId = caseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "medium",
            RiskRationale = "Synthetic rationale", Tier = 2, TierReasons = "Synthetic reasons",
            S2AJustification = "Synthetic: one incident with fear recorded so far",
        };
        var refusedReview = await Assert.ThrowsAsync<RpcException>(() => reviews.ReviewReportAsync(review).ResponseAsync);
        var referrals = new PoliceReferrals.PoliceReferralsClient(world.ChannelAs("police", "police", "stac-officer", "referral"));
        var refer = new ReferVictimToAdvocacyRequest
        {
            ReferralId = Guid.NewGuid().ToString(), CrimeReference = report.CrimeReference, VictimName = report.VictimName,
            VictimPhone = report.VictimPhone, Reason = "Synthetic: wants support",
        };
        var refusedReferral = await Assert.ThrowsAsync<RpcException>(() => referrals.ReferVictimToAdvocacyAsync(refer).ResponseAsync);
        Assert.True(refusedReview.StatusCode == StatusCode.FailedPrecondition, refusedReview.Status.Detail);
        Assert.Contains(restricted.RestrictionId, refusedReview.Status.Detail);
        Assert.True(refusedReferral.StatusCode == StatusCode.FailedPrecondition, refusedReferral.Status.Detail);
        Assert.Contains(restricted.RestrictionId, refusedReferral.Status.Detail);
        // Reads still work.
        var seen = await new PoliceIntake.PoliceIntakeClient(world.ChannelAs("police", "police", "stac-officer"))
            .GetCaseAsync(new GetCaseRequest { CaseId = caseId });
        Assert.Equal(report.VictimName, seen.VictimName);
        var listed = await police.ListProcessingRestrictionsAsync(new ListProcessingRestrictionsRequest());
        Assert.Contains(listed.Restrictions, r => r.RestrictionId == restricted.RestrictionId && r.Active);

        var lifted = await police.LiftProcessingRestrictionAsync(new LiftProcessingRestrictionRequest
        {
            RestrictionId = restricted.RestrictionId, Reason = "Accuracy verified (synthetic)",
        });
        Assert.False(lifted.Active);
        var reviewed = await reviews.ReviewReportAsync(review);
        Assert.Equal(2, reviewed.Tier);
        await referrals.ReferVictimToAdvocacyAsync(refer);
        var after = await police.ListProcessingRestrictionsAsync(new ListProcessingRestrictionsRequest());
        Assert.Contains(after.Restrictions, r => r.RestrictionId == restricted.RestrictionId && !r.Active && r.LiftReason == "Accuracy verified (synthetic)");
    }
}
