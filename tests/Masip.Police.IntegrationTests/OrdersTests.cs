using Grpc.Core;
using Masip.Contracts.Messages;
using Masip.Contracts.Police;
using Masip.Testing;
using Xunit;

namespace Masip.Police.IntegrationTests;

/// <summary>Issue 16 "Done when": breaches counted across orders, the imported breach report attached to its order.</summary>
public sealed class OrdersTests(TestBed bed) : IClassFixture<TestBed>, IAsyncLifetime
{
    private PoliceIntake.PoliceIntakeClient _intake = null!;
    private PoliceSpo.PoliceSpoClient _spo = null!;
    private PoliceOrders.PoliceOrdersClient _orders = null!;
    private BrokerProbe _victimEvents = null!;

    public async Task InitializeAsync()
    {
        _victimEvents = await BrokerProbe.ListenAsync<CaseEventForVictimV1>(bed);
        var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name);
        _intake = new PoliceIntake.PoliceIntakeClient(host.Channel);
        _spo = new PoliceSpo.PoliceSpoClient(host.Channel);
        _orders = new PoliceOrders.PoliceOrdersClient(host.Channel);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private Task<CaseReply> Import(string pnc, string offence = "s4A", int offenceDaysAgo = 20) =>
        _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = Synthetic.Report(offence: offence, pnc: pnc, offenceDaysAgo: offenceDaysAgo) })
            .ResponseAsync;

    private async Task<OrderReply> GrantedSpo(CaseReply view)
    {
        await _spo.RecordSpoApplicationAsync(new RecordSpoApplicationRequest
        {
            CaseId = view.CaseId, Stage = "interim", AppliedOn = Synthetic.DaysAgo(0), VictimConsent = "given",
        });
        await _spo.RecordSpoDecisionAsync(new RecordSpoDecisionRequest
        {
            CaseId = view.CaseId, Stage = "interim", Granted = true, Prohibitions = { "no contact with the victim" }, Reason = "immediate risk",
        });
        var orders = await _orders.ListOrdersAsync(new ListOrdersRequest { CaseId = view.CaseId, Kind = "spo" });
        return Assert.Single(orders.Orders);
    }

    private async Task<OrderReply> RestrainingOrder(CaseReply view, int madeDaysAgo = 10) =>
        await _orders.RecordOrderAsync(new RecordOrderRequest
        {
            CaseId = view.CaseId, Kind = "restraining-order", Prohibitions = { "not to enter Test Road" }, MadeOn = Synthetic.DaysAgo(madeDaysAgo),
            Court = "Test Crown Court",
        });

    private Task<CaseReply> Case(string caseId) => _intake.GetCaseAsync(new GetCaseRequest { CaseId = caseId }).ResponseAsync;

    [Fact]
    public async Task Two_breaches_of_two_different_orders_by_one_person_prompt_one_separate_offence_review_listing_both()
    {
        var view = await Import(Synthetic.UniquePnc());
        var spo = await GrantedSpo(view);
        var restraining = await RestrainingOrder(view);

        var afterSpoBreach = await _spo.RecordSpoBreachAsync(new RecordSpoBreachRequest
        {
            CaseId = view.CaseId, BreachedOn = Synthetic.DaysAgo(0), Details = "messages to the victim",
        });
        var second = await _orders.RecordOrderBreachAsync(new RecordOrderBreachRequest
        {
            OrderId = restraining.OrderId, BreachedOn = Synthetic.DaysAgo(0), Details = "seen in Test Road",
        });
        var prompted = await Case(view.CaseId);
        await _spo.AnswerFurtherOffencePromptAsync(new AnswerFurtherOffencePromptRequest
        {
            CaseId = view.CaseId, RecordAsFurtherOffence = true, FurtherCrimeReference = Synthetic.Reference(), Reason = "course of conduct",
        });
        var third = await _orders.RecordOrderBreachAsync(new RecordOrderBreachRequest
        {
            OrderId = restraining.OrderId, BreachedOn = Synthetic.DaysAgo(0), Details = "seen in Test Road again",
        });

        Assert.False(afterSpoBreach.FurtherOffencePrompt);
        Assert.True(prompted.FurtherOffencePrompt);
        var review = second.SeparateOffenceReview;
        Assert.NotNull(review);
        Assert.Equal([(spo.OrderId, "spo"), (restraining.OrderId, "restraining-order")],
            review.Breaches.Select(b => (b.OrderId, b.OrderKind)).ToList());
        // Once: the third breach is recorded on its order but prompts nothing new.
        Assert.Equal(2, third.Breaches.Count);
        Assert.Equal(review, third.SeparateOffenceReview);
        Assert.False((await Case(view.CaseId)).FurtherOffencePrompt);
        var spoNow = await _orders.GetOrderAsync(new GetOrderRequest { OrderId = spo.OrderId });
        Assert.Equal(("officer", "interim"), (Assert.Single(spoNow.Breaches).Source, spoNow.Stage));
    }

    [Fact]
    public async Task An_imported_report_naming_an_orders_subject_as_a_breach_is_attached_to_that_order()
    {
        var pnc = Synthetic.UniquePnc();
        var view = await Import(pnc);
        var restraining = await RestrainingOrder(view);

        var breachReport = await Import(pnc, offence: "breach", offenceDaysAgo: 2);

        Assert.Contains("existing-spo", breachReport.SuspectKnownReasons);
        var attached = await Eventually.ValueAsync(async () =>
        {
            var order = await _orders.GetOrderAsync(new GetOrderRequest { OrderId = restraining.OrderId });
            return order.Breaches.Count > 0 ? order : null;
        }, TimeSpan.FromSeconds(30), "the imported breach attached to the restraining order");
        var breach = Assert.Single(attached.Breaches);
        Assert.Equal(("import", breachReport.CrimeReference, Synthetic.DaysAgo(2)), (breach.Source, breach.CrimeReference, breach.BreachedOn));
        Assert.NotEqual("", breach.ResponseDueAt);
    }

    [Fact]
    public async Task An_imported_breach_with_two_orders_in_force_waits_for_the_officer_who_names_the_order()
    {
        var pnc = Synthetic.UniquePnc();
        var view = await Import(pnc);
        var restraining = await RestrainingOrder(view, madeDaysAgo: 10);
        var bail = await _orders.RecordOrderAsync(new RecordOrderRequest
        {
            CaseId = view.CaseId, Kind = "bail-conditions", Prohibitions = { "no contact with the victim" }, MadeOn = Synthetic.DaysAgo(5),
            Court = "Test Police Station",
        });

        var breachReport = await Import(pnc, offence: "breach", offenceDaysAgo: 1);
        var waiting = await Eventually.ValueAsync(async () =>
        {
            var page = new PageRequestWalker(_orders);
            return await page.Find(breachReport.CaseId);
        }, TimeSpan.FromSeconds(30), "the imported breach queued for the officer");
        var someoneElses = await RestrainingOrder(await Import(Synthetic.UniquePnc()));
        var wrong = await Assert.ThrowsAsync<RpcException>(() => _orders.ConfirmImportedBreachAsync(new ConfirmImportedBreachRequest
        {
            CaseId = breachReport.CaseId, OrderId = someoneElses.OrderId, Reason = "x",
        }).ResponseAsync);
        var confirmed = await _orders.ConfirmImportedBreachAsync(new ConfirmImportedBreachRequest
        {
            CaseId = breachReport.CaseId, OrderId = bail.OrderId, Reason = "contact while on bail",
        });

        Assert.Equal("several-orders-in-force", waiting.Reason);
        Assert.Equal(new[] { restraining.OrderId, bail.OrderId }.Order(), waiting.CandidateOrderIds.Order());
        Assert.Equal(StatusCode.InvalidArgument, wrong.StatusCode);
        Assert.Equal(("attached", bail.OrderId), (confirmed.Status, confirmed.OrderId));
        var onBail = await _orders.GetOrderAsync(new GetOrderRequest { OrderId = bail.OrderId });
        Assert.Equal(breachReport.CrimeReference, Assert.Single(onBail.Breaches).CrimeReference);
        // Bail conditions reach the victim's advocate as a "bail" update (Victims' Code).
        var told = await _victimEvents.ReceivedAsync(view.CaseId);
        Assert.Equal("bail", told.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_court_date_recorded_by_police_reaches_the_victims_advocate_as_a_court_date_update()
    {
        var view = await Import(Synthetic.UniquePnc());

        var recorded = await _orders.RecordCourtDateAsync(new RecordCourtDateRequest
        {
            CaseId = view.CaseId, HearingOn = Synthetic.DaysAgo(-21), Court = "Test Magistrates' Court", Hearing = "first-appearance",
        });
        var again = await _orders.RecordCourtDateAsync(new RecordCourtDateRequest
        {
            CaseId = view.CaseId, HearingOn = Synthetic.DaysAgo(-21), Court = "Test Magistrates' Court", Hearing = "first-appearance",
        });
        var badHearing = await Assert.ThrowsAsync<RpcException>(() => _orders.RecordCourtDateAsync(new RecordCourtDateRequest
        {
            CaseId = view.CaseId, HearingOn = Synthetic.DaysAgo(-21), Court = "Test Magistrates' Court", Hearing = "picnic",
        }).ResponseAsync);

        var told = await _victimEvents.ReceivedAsync(view.CaseId);
        Assert.Equal("court-date", told.GetProperty("kind").GetString());
        Assert.Contains(Synthetic.DaysAgo(-21), told.GetProperty("summary").GetString());
        Assert.Equal(view.CaseId, recorded.CaseId);
        Assert.Equal(view.CaseId, again.CaseId);
        Assert.Equal(StatusCode.InvalidArgument, badHearing.StatusCode);
        Assert.StartsWith("hearing:", badHearing.Status.Detail);
    }

    [Fact]
    public async Task An_SPO_granted_before_its_suspect_was_identified_becomes_an_order_at_its_first_breach()
    {
        var record = Synthetic.Report();
        record.SuspectName = "";
        record.SuspectDateOfBirth = "";
        var view = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record });
        await GrantedSpoOnly(view);
        var before = await _orders.ListOrdersAsync(new ListOrdersRequest { CaseId = view.CaseId });
        record.SuspectName = "Test Suspect " + Guid.NewGuid().ToString("N")[..8];
        record.SuspectPncId = Synthetic.UniquePnc();
        var named = await _intake.ImportCrimeReportAsync(new ImportCrimeReportRequest { Record = record });

        await _spo.RecordSpoBreachAsync(new RecordSpoBreachRequest { CaseId = view.CaseId, BreachedOn = Synthetic.DaysAgo(0), Details = "texts" });

        Assert.Empty(before.Orders);
        Assert.NotEqual("", named.PerpetratorId);
        var order = Assert.Single((await _orders.ListOrdersAsync(new ListOrdersRequest { CaseId = view.CaseId })).Orders);
        Assert.Equal(("spo", "interim", named.PerpetratorId, record.SuspectName), (order.Kind, order.Stage, order.PerpetratorId, order.RestrainedPerson));
        Assert.Single(order.Breaches);
    }

    private async Task GrantedSpoOnly(CaseReply view)
    {
        await _spo.RecordSpoApplicationAsync(new RecordSpoApplicationRequest
        {
            CaseId = view.CaseId, Stage = "interim", AppliedOn = Synthetic.DaysAgo(0), VictimConsent = "not-sought", ConsentNote = "victim abroad",
        });
        await _spo.RecordSpoDecisionAsync(new RecordSpoDecisionRequest
        {
            CaseId = view.CaseId, Stage = "interim", Granted = true, Prohibitions = { "no contact with the victim" }, Reason = "immediate risk",
        });
    }

    /// <summary>Walks every page of the officer's queue for one report.</summary>
    private sealed class PageRequestWalker(PoliceOrders.PoliceOrdersClient orders)
    {
        public async Task<BreachToConfirm?> Find(string caseId)
        {
            var token = "";
            do
            {
                var page = await orders.ListBreachesToConfirmAsync(new ListBreachesToConfirmRequest
                {
                    Page = new Masip.Contracts.Common.PageRequest { PageSize = 100, PageToken = token },
                });
                if (page.Breaches.FirstOrDefault(b => b.CaseId == caseId) is { } found)
                    return found;
                token = page.Page.NextPageToken;
            }
            while (token != "");
            return null;
        }
    }
}
