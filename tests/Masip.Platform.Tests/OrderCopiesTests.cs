using MassTransit;
using Masip.Contracts.Messages;
using Masip.Contracts.Nhs;
using Masip.Contracts.Police;
using Masip.Contracts.Probation;
using Masip.Contracts.Work;
using Masip.Nhs;
using Masip.Police;
using Masip.Police.Orders;
using Masip.Police.Orders.Referring;
using Masip.Probation;
using Masip.Testing;
using Npgsql;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Orders reach those managing the person (issue 18.6), through RabbitMQ: an order the police record
/// is copied at probation and the NHS, and each change (a breach, its end) replaces the copy; an
/// intervention programme among an order's requirements puts the restrained person on the NHS
/// waiting list once per order, however often the order is re-recorded, varied or the referral
/// delivered.
/// </summary>
public sealed class OrderCopiesTests(TestBed bed) : IClassFixture<TestBed>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task An_order_recorded_at_the_police_is_copied_at_probation_and_the_NHS_and_its_changes_follow()
    {
        var (police, probation, nhs) = await Start();
        var report = await ReviewedCase(police, "O1");
        var orders = new PoliceOrders.PoliceOrdersClient(police.ChannelAs("police", "stac-officer", "case-management"));
        var order = await orders.RecordOrderAsync(new RecordOrderRequest
        {
            CaseId = report.CaseId, Kind = "restraining-order", ProtectedPersons = { "Test Victim O1" },
            Prohibitions = { "no contact with the protected person" }, Requirements = { "attend a stalking intervention programme" },
            MadeOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"), ExpiresOn = DateTime.UtcNow.Date.AddDays(365).ToString("yyyy-MM-dd"),
            Court = "Test Crown Court",
        });
        var probationWork = new ProbationWork.ProbationWorkClient(probation.ChannelAs("probation", "probation-officer", "case-management"));
        var nhsWork = new NhsWork.NhsWorkClient(nhs.ChannelAs("nhs", "clinician", "case-management"));
        Task<OrderCopiesReply> AtProbation() => probationWork.ListOrdersAsync(new ListOrderCopiesRequest { PerpetratorId = report.PerpetratorId }).ResponseAsync;
        Task<OrderCopiesReply> AtNhs() => nhsWork.ListOrdersAsync(new ListOrderCopiesRequest { PerpetratorId = report.PerpetratorId }).ResponseAsync;

        foreach (var (copies, who) in new[] { ((Func<Task<OrderCopiesReply>>)AtProbation, "probation"), (AtNhs, "the NHS") })
        {
            var copy = await Copy(copies, c => c.Status == "in-force", $"the order copied at {who}");
            Assert.Equal((order.OrderId, report.CaseId, "restraining-order", "recorded", "Test Crown Court", 0),
                (copy.OrderId, copy.CaseId, copy.Kind, copy.LastChange, copy.Court, copy.BreachCount));
            Assert.Equal(["no contact with the protected person"], copy.Prohibitions);
            Assert.Equal(["attend a stalking intervention programme"], copy.Requirements);
            Assert.DoesNotContain("Test Victim", copy.ToString());
            Assert.DoesNotContain("Test Suspect", copy.ToString());
        }

        await orders.RecordOrderBreachAsync(new RecordOrderBreachRequest
        {
            OrderId = order.OrderId, BreachedOn = DateTime.UtcNow.Date.ToString("yyyy-MM-dd"), Details = "BREACH-DETAIL-SECRET",
        });
        var breachedAtNhs = await Copy(AtNhs, c => c.BreachCount == 1, "the breach counted at the NHS");
        Assert.Equal(("breached", "in-force"), (breachedAtNhs.LastChange, breachedAtNhs.Status));
        Assert.DoesNotContain("SECRET", breachedAtNhs.ToString());
        await orders.RecordOrderEndedAsync(new RecordOrderEndedRequest
        {
            OrderId = order.OrderId, Status = "revoked", EndedOn = DateTime.UtcNow.Date.ToString("yyyy-MM-dd"), Reason = "revoked on appeal",
        });
        foreach (var (copies, who) in new[] { ((Func<Task<OrderCopiesReply>>)AtProbation, "probation"), (AtNhs, "the NHS") })
        {
            var ended = await Copy(copies, c => c.Status == "revoked", $"the order's end at {who}");
            Assert.Equal(("ended", 1, DateTime.UtcNow.Date.ToString("yyyy-MM-dd")), (ended.LastChange, ended.BreachCount, ended.EndedOn));
        }

        // The intervention requirement put the person on the NHS waiting list, as the police's referral of the order.
        var referral = await OnTheWaitingList(nhs, report.PerpetratorId);
        Assert.Equal((InterventionReferrals.ReferralIdFor(Guid.Parse(order.OrderId)).ToString(), "police", "intervention", report.CaseId),
            (referral.ReferralId, referral.Route, referral.Service, referral.CaseId));
    }

    [Fact]
    public async Task An_SPO_requiring_an_intervention_programme_refers_the_person_to_the_NHS_once_however_often_recorded_varied_or_delivered()
    {
        var (police, _, nhs) = await Start();
        var report = await ReviewedCase(police, "O2");
        var spo = new PoliceSpo.PoliceSpoClient(police.ChannelAs("police", "stac-officer", "case-management"));
        foreach (var stage in new[] { "interim", "full" })
        {
            await spo.RecordSpoApplicationAsync(new RecordSpoApplicationRequest
            {
                CaseId = report.CaseId, Stage = stage, AppliedOn = DateTime.UtcNow.Date.ToString("yyyy-MM-dd"), VictimConsent = "given",
            });
            await spo.RecordSpoDecisionAsync(new RecordSpoDecisionRequest
            {
                CaseId = report.CaseId, Stage = stage, Granted = true, Prohibitions = { "no contact with the victim" },
                Requirements = { "intervention-programme" }, Reason = "risk",
            });
        }
        await spo.VarySpoAsync(new VarySpoRequest
        {
            CaseId = report.CaseId, Prohibitions = { "no contact with the victim", "not to enter Test Street" },
            Requirements = { "intervention-programme", "surrender-devices" }, Reason = "further contact",
        });

        var referralId = InterventionReferrals.ReferralIdFor(ProtectiveOrder.SpoIdFor(Guid.Parse(report.CaseId)));
        var referral = await OnTheWaitingList(nhs, report.PerpetratorId);
        Assert.Equal((referralId.ToString(), "police", "intervention"), (referral.ReferralId, referral.Route, referral.Service));

        // Delivered again under another message id (the inbox cannot tell), then a sentinel referral behind it.
        await using var bus = await Bus();
        var again = new PerpetratorReferredToNhsV1(referralId, Guid.Parse(report.CaseId), Guid.Parse(report.PerpetratorId), referral.PerpetratorName,
            null, null, "intervention", "high", referral.Reason, "officer-18", DateTimeOffset.UtcNow);
        await bus.Bus.Publish(again, c => c.MessageId = NewId.NextGuid());
        await bus.Bus.Publish(again, c => c.MessageId = NewId.NextGuid());
        var sentinel = again with { ReferralId = Guid.NewGuid(), PerpetratorId = Guid.NewGuid(), PerpetratorName = "Test Sentinel O2" };
        await bus.Bus.Publish(sentinel, c => c.MessageId = NewId.NextGuid());
        await OnTheWaitingList(nhs, sentinel.PerpetratorId.ToString());

        var clinician = new NhsReferrals.NhsReferralsClient(nhs.ChannelAs("nhs", "clinician"));
        var waiting = await clinician.ListWaitingListAsync(new ListWaitingListRequest { Page = new Masip.Contracts.Common.PageRequest { PageSize = 100 } });
        Assert.Single(waiting.Referrals, r => r.PerpetratorId == report.PerpetratorId);
        Assert.Equal(1, await Scalar(bed.ConnectionStringFor(NhsHost.Name), "select count(*) from masip.mt_events where stream_id = @id", referralId));
        var made = await new PoliceReferrals.PoliceReferralsClient(police.ChannelAs("police", "stac-officer", "case-management"))
            .ListCaseReferralsAsync(new ListCaseReferralsRequest { CaseId = report.CaseId });
        Assert.Equal(referralId.ToString(), Assert.Single(made.Referrals, r => r.Receiver == "nhs").ReferralId);
    }

    private async Task<(ServiceUnderTest<PoliceHost>, ServiceUnderTest<ProbationHost>, ServiceUnderTest<NhsHost>)> Start()
    {
        var nhs = await bed.StartAsync<NhsHost>(NhsHost.Name);
        var probation = await bed.StartAsync<ProbationHost>(ProbationHost.Name);
        var police = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        return (police, probation, nhs);
    }

    private static async Task<CaseReply> ReviewedCase(ServiceUnderTest<PoliceHost> police, string tag)
    {
        var report = await new PoliceIntake.PoliceIntakeClient(police.Channel).ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = new CrimeReportRecord
        {
            CrimeReference = $"CRIS-ORD-{tag}-" + Guid.NewGuid().ToString("N")[..8], ReportedOn = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd"),
            OffenceDate = DateTime.UtcNow.Date.AddDays(-5).ToString("yyyy-MM-dd"), PrincipalClassification = "s4A",
            SuspectName = $"Test Suspect {tag}", SuspectDateOfBirth = "1980-04-04", SuspectPncId = $"97/{Random.Shared.Next(100000, 999999)}O",
            VictimName = $"Test Victim {tag}", Relationship = "ex-partner", Summary = "Synthetic.", OfficerInCase = "officer-18", Borough = "Borough O",
        }});
        await new StacReviews.StacReviewsClient(police.Channel).ReviewReportAsync(new ReviewReportRequest
        {
            CaseId = report.CaseId, Fixated = true, Obsessive = true, Unwanted = true, RepeatedConduct = true, RiskLevel = "high",
            RiskRationale = "escalating", AdviceToOic = "apply for an order", Tier = 2, TierReasons = "fixated",
        });
        return report;
    }

    private static Task<OrderCopy> Copy(Func<Task<OrderCopiesReply>> copies, Func<OrderCopy, bool> match, string what) =>
        Eventually.ValueAsync(async () => (await copies()).Orders.FirstOrDefault(match), Wait, what);

    private static Task<NhsReferralReply> OnTheWaitingList(ServiceUnderTest<NhsHost> nhs, string perpetratorId)
    {
        var clinician = new NhsReferrals.NhsReferralsClient(nhs.ChannelAs("nhs", "clinician"));
        return Eventually.ValueAsync(async () =>
            (await clinician.ListWaitingListAsync(new ListWaitingListRequest { Page = new Masip.Contracts.Common.PageRequest { PageSize = 100 } }))
                .Referrals.FirstOrDefault(r => r.PerpetratorId == perpetratorId),
            Wait, "the referral on the NHS waiting list");
    }

    private async Task<BusHandle> Bus()
    {
        var bus = MassTransit.Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(bed.Broker, h =>
        {
            var user = Uri.UnescapeDataString(bed.Broker.UserInfo).Split(':');
            h.Username(user[0]);
            h.Password(user[1]);
        }));
        await bus.StartAsync();
        return new BusHandle(bus);
    }

    private sealed class BusHandle(IBusControl bus) : IAsyncDisposable
    {
        public IBusControl Bus { get; } = bus;

        public async ValueTask DisposeAsync() => await Bus.StopAsync();
    }

    private static async Task<long> Scalar(string connectionString, string sql, Guid id)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
