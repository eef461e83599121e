using MassTransit;
using Masip.Contracts.DataProtection;
using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;
using Masip.Testing;
using Xunit;

namespace Masip.Nhs.IntegrationTests;

/// <summary>
/// Rectification at the NHS: its DPO corrects a referral's person details (RectifyRecord), and the
/// police's correction of a referred suspect (SuspectDetailsRectifiedV1) corrects every police
/// referral of that case, keeping per field the latest by the police's time then version, so a
/// redelivered or overtaken message changes nothing.
/// </summary>
public sealed class RectificationTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private const string Corrections = "suspect-details-rectified";
    private static readonly DateTimeOffset At = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);
    private NhsWorld _nhs = null!;
    private Masip.Contracts.DataProtection.DataProtection.DataProtectionClient _dpo = null!;

    public async Task InitializeAsync()
    {
        _nhs = await NhsWorld.StartAsync(bed);
        _dpo = new Masip.Contracts.DataProtection.DataProtection.DataProtectionClient(_nhs.Host.ChannelAs("nhs", "auditor", "subject-access"));
    }

    public async Task DisposeAsync() => await _nhs.DisposeAsync();

    private Task<NhsReferralReply> Referral(Guid id) =>
        _nhs.Referrals.GetReferralAsync(new GetNhsReferralRequest { ReferralId = id.ToString() }).ResponseAsync;

    private async Task<PerpetratorReferredToNhsV1> ReferredAsync()
    {
        var message = Samples.PoliceReferral();
        await _nhs.PublishAsync(message, NewId.NextGuid());
        await Eventually.ValueAsync(async () =>
        {
            try
            {
                return await Referral(message.ReferralId);
            }
            catch (Grpc.Core.RpcException e) when (e.StatusCode == Grpc.Core.StatusCode.NotFound)
            {
                return null;
            }
        }, TimeSpan.FromSeconds(30), $"referral {message.ReferralId}");
        return message;
    }

    private static SuspectDetailsRectifiedV1 Name(PerpetratorReferredToNhsV1 referral, string name, long version, int minutes) =>
        new(referral.CaseId, referral.PerpetratorId, "suspect.name", name, null, version, At.AddMinutes(minutes));

    [Fact]
    public async Task The_polices_correction_of_a_referred_suspect_is_applied_once_and_the_latest_stays_whatever_the_order()
    {
        var referral = await ReferredAsync();
        var other = await ReferredAsync();
        var later = Name(referral, "Test Person Later", 9, 2);
        var earlier = Name(referral, "Test Person Earlier", 7, 1);
        var laterId = NewId.NextGuid();

        await _nhs.PublishAsync(later, laterId);
        // Taken first (consumers run concurrently: without this the earlier one could be taken first, then superseded).
        await Eventually.ValueAsync(async () =>
        {
            var r = await Referral(referral.ReferralId);
            return r.PerpetratorName == later.SuspectName ? r : null;
        }, TimeSpan.FromSeconds(30), "the later correction applied");
        await _nhs.PublishAsync(later, laterId);             // redelivered
        await _nhs.PublishAsync(later, NewId.NextGuid());    // sent again under a new message id
        await _nhs.PublishAsync(earlier, NewId.NextGuid());  // overtaken: older news arriving last
        var birth = new SuspectDetailsRectifiedV1(referral.CaseId, referral.PerpetratorId, "suspect.dateOfBirth", null,
            new DateOnly(1979, 9, 30), 10, At.AddMinutes(3));
        await _nhs.PublishAsync(birth, NewId.NextGuid());
        await _nhs.AllConsumedAsync<SuspectDetailsRectifiedV1>(Corrections);

        var seen = await Referral(referral.ReferralId);
        Assert.Equal(("Test Person Later", "1979-09-30", referral.PncId), (seen.PerpetratorName, seen.DateOfBirth, seen.PncId));
        Assert.Equal(other.PerpetratorName, (await Referral(other.ReferralId)).PerpetratorName);
        // One event per correction taken: the received referral, the name, the date of birth.
        Assert.Equal(3, await _nhs.EventCountAsync(referral.ReferralId));
        var history = await _dpo.GetRectificationHistoryAsync(new GetRectificationHistoryRequest
        {
            Record = "referral", RecordId = referral.ReferralId.ToString(),
        });
        Assert.Equal([("perpetrator.name", referral.PerpetratorName, "Test Person Later"), ("perpetrator.dateOfBirth", "1979-08-30", "1979-09-30")],
            history.Rectifications.Select(r => (r.Field, r.OldValue, r.NewValue)));
        Assert.All(history.Rectifications, r => Assert.Equal("police", r.RectifiedBy));
    }

    [Fact]
    public async Task The_nhs_dpo_corrects_a_referral_and_the_history_shows_old_new_and_reason()
    {
        var referral = await ReferredAsync();
        var request = new RectifyRecordRequest
        {
            Record = "referral", RecordId = referral.ReferralId.ToString(), Field = "perpetrator.pncId", Value = "99/111111A",
            Reason = "Art. 16 request: the PNC id was another person's (synthetic)",
        };

        var made = await _dpo.RectifyRecordAsync(request);
        var again = await _dpo.RectifyRecordAsync(request);

        Assert.Equal((true, false), (made.Changed, again.Changed));
        Assert.Equal("99/111111A", (await Referral(referral.ReferralId)).PncId);
        var entry = Assert.Single((await _dpo.GetRectificationHistoryAsync(new GetRectificationHistoryRequest
        {
            Record = "referral", RecordId = referral.ReferralId.ToString(),
        })).Rectifications);
        Assert.Equal(("perpetrator.pncId", referral.PncId, "99/111111A", request.Reason), (entry.Field, entry.OldValue, entry.NewValue, entry.Reason));
        Assert.NotEmpty(entry.RectifiedBy);
    }

    [Fact]
    public async Task A_bad_record_field_or_value_is_refused_naming_it()
    {
        var referral = await ReferredAsync();
        RectifyRecordRequest Request(string record, string field, string value) => new()
        {
            Record = record, RecordId = referral.ReferralId.ToString(), Field = field, Value = value, Reason = "synthetic",
        };

        await NhsWorld.FailsAsync(Grpc.Core.StatusCode.InvalidArgument, "record", () => _dpo.RectifyRecordAsync(Request("episode", "perpetrator.name", "x")).ResponseAsync);
        await NhsWorld.FailsAsync(Grpc.Core.StatusCode.InvalidArgument, "field", () => _dpo.RectifyRecordAsync(Request("referral", "reason", "x")).ResponseAsync);
        await NhsWorld.FailsAsync(Grpc.Core.StatusCode.InvalidArgument, "value", () => _dpo.RectifyRecordAsync(Request("referral", "perpetrator.dateOfBirth", "2990-01-01")).ResponseAsync);
        Assert.Equal(1, await _nhs.EventCountAsync(referral.ReferralId));
    }
}
