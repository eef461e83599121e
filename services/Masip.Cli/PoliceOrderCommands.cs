using System.CommandLine;
using Masip.Contracts.Common;
using Masip.Contracts.Police;

namespace Masip.Cli;

/// <summary>
/// `masip police clocks`, `masip police orders` and `masip police griffin list` (issue 16): the
/// clocks near or past their limit, the protective orders, the Griffin nominals by review date.
/// Each pages through the list until --limit items are shown or the list ends.
/// </summary>
public static class PoliceOrderCommands
{
    private static readonly CliIdentity Officer = new("police", "stac-officer", "dev-police-stac-officer");
    private static readonly string[] ClockKinds = ["breach-response", "interim-spo", "full-spo", "s2a-limit", "victim-update"];

    public static IEnumerable<Command> Build(CliEnvironment env) => [Clocks(env), Orders(env), Griffin(env)];

    private static Option<int> Limit(string what)
    {
        var limit = new Option<int>("--limit") { Description = $"How many {what} (1..10000; pages of at most 500)", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r => { if (r.GetValue(limit) is < 1 or > 10000) r.AddError("--limit must be between 1 and 10000"); });
        return limit;
    }

    /// <summary>Pages through a list until <paramref name="wanted"/> items or its end; answers the items and the last page info.</summary>
    private static async Task<(List<T> Items, PageInfo Page)> Pages<T>(int wanted, Func<PageRequest, Task<(IEnumerable<T> Items, PageInfo Page)>> fetch)
    {
        var items = new List<T>();
        var request = new PageRequest();
        PageInfo info;
        do
        {
            request.PageSize = Math.Min(wanted - items.Count, 500);
            (var page, info) = await fetch(request);
            items.AddRange(page);
            request.PageToken = info.NextPageToken;
        }
        while (items.Count < wanted && request.PageToken.Length > 0);
        return (items, info);
    }

    private static Command Clocks(CliEnvironment env)
    {
        var kind = new Option<string?>("--kind") { Description = "Only this clock" };
        kind.AcceptOnlyFromAmong(ClockKinds);
        var limit = Limit("clocks");
        var command = new Command("clocks", "Clocks near or past their limit: breach response 24 h, interim SPO 48 h, full SPO 4 weeks, s2A 6 months, victim updates") { kind, limit };
        command.Handle(env, Officer, async run =>
        {
            var client = new PoliceClocks.PoliceClocksClient(run.Channel("police"));
            var reply = new ClockListReply();
            (var items, reply.Page) = await Pages<ClockItem>(run.Value(limit), async page =>
            {
                var r = await client.ListClocksAsync(new ListClocksRequest { Kind = run.Value(kind) ?? "", Page = page }, run.Call);
                reply.WithheldFields.AddRange(r.WithheldFields.Except(reply.WithheldFields));
                return (r.Clocks, r.Page);
            });
            reply.Clocks.AddRange(items);
            return run.Print(reply, () =>
            {
                var table = new Table("CLOCK", "STATUS", "DUE", "CASE", "CRIME REF", "ORDER", "OIC");
                foreach (var c in reply.Clocks)
                    table.Row(c.Kind, c.Status, c.DueAt, c.CaseId, c.CrimeReference, c.OrderId, c.OfficerInCase);
                table.WriteTo(run.Out, "no clock is near or past its limit");
                run.Out.WriteLine($"{reply.Clocks.Count} shown of {reply.Page.Total} near or past their limit");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Orders(CliEnvironment env)
    {
        var perpetrator = new Option<string?>("--perpetrator") { Description = "Only the orders restraining this perpetrator id" };
        var caseId = new Option<string?>("--case") { Description = "Only the orders of this case id" };
        var kind = new Option<string?>("--kind") { Description = "spo | restraining-order | non-molestation-order | dvpo | bail-conditions" };
        kind.AcceptOnlyFromAmong("spo", "restraining-order", "non-molestation-order", "dvpo", "bail-conditions");
        var status = new Option<string?>("--status") { Description = "in-force | expired | discharged | revoked" };
        status.AcceptOnlyFromAmong("in-force", "expired", "discharged", "revoked");
        var limit = Limit("orders");
        var command = new Command("orders", "Protective orders, newest made first, with their breaches") { perpetrator, caseId, kind, status, limit };
        command.Handle(env, Officer, async run =>
        {
            var client = new PoliceOrders.PoliceOrdersClient(run.Channel("police"));
            var reply = new OrdersReply();
            (var items, reply.Page) = await Pages<OrderReply>(run.Value(limit), async page =>
            {
                var r = await client.ListOrdersAsync(new ListOrdersRequest
                {
                    PerpetratorId = run.Value(perpetrator) ?? "", CaseId = run.Value(caseId) ?? "", Kind = run.Value(kind) ?? "",
                    Status = run.Value(status) ?? "", Page = page,
                }, run.Call);
                reply.WithheldFields.AddRange(r.WithheldFields.Except(reply.WithheldFields));
                return (r.Orders, r.Page);
            });
            reply.Orders.AddRange(items);
            return run.Print(reply, () =>
            {
                var table = new Table("ORDER", "KIND", "STAGE", "STATUS", "MADE", "EXPIRES", "CASE", "BREACHES", "SEPARATE OFFENCE REVIEW");
                foreach (var o in reply.Orders)
                    table.Row(o.OrderId, o.Kind, o.Stage, o.Status, o.MadeOn, o.ExpiresOn, o.CrimeReference, o.Breaches.Count,
                        o.SeparateOffenceReview is { } r ? $"prompted {r.PromptedAt} ({r.Breaches.Count} breaches)" : "");
                table.WriteTo(run.Out, "no orders");
                run.Out.WriteLine($"{reply.Orders.Count} shown of {reply.Page.Total}");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Griffin(CliEnvironment env)
    {
        var status = new Option<string?>("--status") { Description = "nominated | accepted | rejected | removed (default accepted)" };
        status.AcceptOnlyFromAmong("nominated", "accepted", "rejected", "removed");
        var risk = new Option<string?>("--risk") { Description = "standard | medium | high" };
        risk.AcceptOnlyFromAmong("standard", "medium", "high");
        var dueWithin = new Option<int>("--due-within") { Description = "Only reviews due within this many days, overdue included (e.g. 14)" };
        dueWithin.Validators.Add(r => { if (r.GetValue(dueWithin) is < 0 or > 366) r.AddError("--due-within must be between 0 (any) and 366"); });
        var limit = Limit("nominals");
        var list = new Command("list", "Operation Griffin nominals by review date (reviews due within 14 days and overdue are flagged)") { status, risk, dueWithin, limit };
        list.Handle(env, Officer, async run =>
        {
            var client = new OperationGriffin.OperationGriffinClient(run.Channel("police", "griffin"));
            var reply = new NominalsReply();
            (var items, reply.Page) = await Pages<NominalReply>(run.Value(limit), async page =>
            {
                var r = await client.ListNominalsAsync(new ListNominalsRequest
                {
                    Status = run.Value(status) ?? "", RiskLevel = run.Value(risk) ?? "", ReviewDueWithinDays = run.Value(dueWithin), Page = page,
                }, run.Call);
                reply.WithheldFields.AddRange(r.WithheldFields.Except(reply.WithheldFields));
                return (r.Nominals, r.Page);
            });
            reply.Nominals.AddRange(items);
            return run.Print(reply, () =>
            {
                var table = new Table("NOMINAL", "NAME", "RISK", "STATUS", "REVIEW DUE", "REVIEW", "ALERTS");
                foreach (var n in reply.Nominals)
                    table.Row(n.NominalId, n.PerpetratorName, n.RiskLevel, n.Status, n.ReviewDue, n.ReviewStatus, n.Alerts.Count);
                table.WriteTo(run.Out, "no nominals");
                run.Out.WriteLine($"{reply.Nominals.Count} shown of {reply.Page.Total}");
                run.Withheld(reply.WithheldFields);
            });
        });
        return new Command("griffin", "Operation Griffin: the nominals list") { list };
    }
}
