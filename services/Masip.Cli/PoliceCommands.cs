using System.CommandLine;
using Masip.Contracts.Common;
using Masip.Contracts.Police;

namespace Masip.Cli;

/// <summary>`masip police ...`: the STAC officer's morning (import, queue, review, nominate, refer) and the chair's Griffin decision.</summary>
public static class PoliceCommands
{
    private static readonly CliIdentity Importer = new("police", "service", "dev-police-service");
    private static readonly CliIdentity Officer = new("police", "stac-officer", "dev-police-stac-officer");
    private static readonly CliIdentity Chair = new("police", "meeting-chair", "dev-police-meeting-chair");
    private static readonly string[] Offences = ["s4A", "s2A", "breach", "harassment", "malicious-communications"];
    private static readonly string[] Flags = ["domestic-abuse", "online-element", "children-involved", "police-perpetrated"];
    private static readonly string[] FourAnswers = ["fixated", "obsessive", "unwanted", "repeated"];

    public static Command Build(CliEnvironment env)
    {
        var police = new Command("police", "The STAC officer's work in the police service (default --as police/stac-officer)");
        police.Subcommands.Add(Import(env));
        police.Subcommands.Add(Queue(env));
        police.Subcommands.Add(Case(env));
        police.Subcommands.Add(Review(env));
        police.Subcommands.Add(Nominate(env));
        police.Subcommands.Add(Decide(env));
        police.Subcommands.Add(ReferVictim(env));
        foreach (var command in PoliceOrderCommands.Build(env))
            police.Subcommands.Add(command);
        return police;
    }

    private static Command Import(CliEnvironment env)
    {
        var file = new Argument<FileInfo>("file") { Description = "Crime reports, one JSON object per line (CrimeReportRecord, as `masip demo night` writes)" };
        var command = new Command("import",
            "Stream a night's file to the police service as the crime-system import (police/service); prints new/amended/unchanged/rejected and each rejected line's number, field and reason")
            { file };
        command.Handle(env, Importer, async run =>
        {
            var path = run.Value(file);
            if (!path.Exists)
                throw new UsageException($"file: {path.FullName} does not exist");
            var (importId, lines) = await NightFile.ReadIdentityAsync(path.FullName, run.Cancellation);
            var client = new PoliceIntake.PoliceIntakeClient(run.Channel("police"));
            var progress = new ProgressBar(run.Error, lines);
            var reply = await NightFile.StreamAsync(client, path.FullName, importId, run.Call, progress.Report);
            progress.Done();
            return run.Print(reply, () =>
            {
                run.Out.WriteLine($"{path.Name}: {reply.NewReports} new, {reply.Amended} amended, {reply.Unchanged} unchanged, {reply.Rejected} rejected");
                if (reply.Rejections.Count > 0)
                {
                    var table = new Table("LINE", "FIELD", "CRIME REF", "REASON");
                    foreach (var r in reply.Rejections)
                        table.Row(r.Line, r.Field, r.CrimeReference, r.Reason);
                    table.WriteTo(run.Out);
                }
                if (reply.RejectionsNotListed > 0)
                    run.Out.WriteLine($"... and {reply.RejectionsNotListed} more rejected lines not listed");
            });
        });
        return command;
    }

    private static Command Queue(CliEnvironment env)
    {
        var offence = new Option<string?>("--offence") { Description = "Only this offence" };
        offence.AcceptOnlyFromAmong(Offences);
        var borough = new Option<string?>("--borough") { Description = "Only this borough, e.g. \"Borough 07\"" };
        var flag = new Option<string?>("--flag") { Description = "Only cases with this flag" };
        flag.AcceptOnlyFromAmong(Flags);
        var from = new Option<string?>("--from") { Description = "Reported on or after, yyyy-MM-dd" };
        var to = new Option<string?>("--to") { Description = "Reported on or before, yyyy-MM-dd" };
        var limit = new Option<int>("--limit") { Description = "How many cases, most urgent first (1..10000; pages of at most 500)", DefaultValueFactory = _ => 50 };
        limit.Validators.Add(r => { if (r.GetValue(limit) is < 1 or > 10000) r.AddError("--limit must be between 1 and 10000"); });
        var command = new Command("queue", "The review queue: s4A first, known suspects first") { offence, borough, flag, from, to, limit };
        command.Handle(env, Officer, async run =>
        {
            var client = new StacReviews.StacReviewsClient(run.Channel("police"));
            var wanted = run.Value(limit);
            var request = new GetReviewQueueRequest
            {
                Offence = run.Value(offence) ?? "",
                Borough = run.Value(borough) ?? "",
                Flag = run.Value(flag) ?? "",
                ReportedFrom = run.Value(from) ?? "",
                ReportedTo = run.Value(to) ?? "",
                Page = new PageRequest(),
            };
            // Page through until --limit cases are shown or the queue ends; the reply is the pages together.
            var reply = new ReviewQueueReply { Page = new PageInfo() };
            do
            {
                request.Page.PageSize = Math.Min(wanted - reply.Items.Count, 500);
                var page = await client.GetReviewQueueAsync(request, run.Call);
                reply.Items.AddRange(page.Items);
                reply.WithheldFields.AddRange(page.WithheldFields.Except(reply.WithheldFields));
                reply.Page = page.Page;
                request.Page.PageToken = page.Page.NextPageToken;
            }
            while (reply.Items.Count < wanted && request.Page.PageToken.Length > 0);
            return run.Print(reply, () =>
            {
                var table = new Table("CASE", "CRIME REF", "OFFENCE", "REPORTED", "BOROUGH", "KNOWN SUSPECT", "DA", "ONLINE", "CHILDREN");
                foreach (var i in reply.Items)
                    table.Row(i.CaseId, i.CrimeReference, i.Offence, i.ReportedOn, i.Borough, string.Join(",", i.SuspectKnownReasons), i.DomesticAbuse, i.OnlineElement, i.ChildrenInvolved);
                table.WriteTo(run.Out, "the review queue is empty");
                run.Out.WriteLine($"{reply.Items.Count} shown of {(reply.Page.TotalIsEstimate ? "about " : "")}{reply.Page.Total} awaiting review");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Case(CliEnvironment env)
    {
        var caseId = new Argument<string>("case-id");
        var command = new Command("case", "One case as the caller may see it") { caseId };
        command.Handle(env, Officer, async run =>
        {
            var reply = await new PoliceIntake.PoliceIntakeClient(run.Channel("police")).GetCaseAsync(new GetCaseRequest { CaseId = run.Value(caseId) }, run.Call);
            return run.Print(reply, () => PrintCase(run, reply));
        });
        return command;
    }

    internal static void PrintCase(Invocation run, CaseReply c)
    {
        run.Fields(
            ("case", c.CaseId), ("crime reference", c.CrimeReference), ("status", c.Status),
            ("offence", c.PrincipalClassification), ("reported on", c.ReportedOn), ("borough", c.Borough),
            ("suspect", c.SuspectName), ("victim", c.VictimName),
            ("risk", c.Review?.RiskLevel), ("tier", c.Tier == 0 ? "not tiered" : c.Tier.ToString()),
            ("reviewed by", c.Review?.ReviewedBy));
        run.Withheld(c.WithheldFields);
    }

    private static Command Review(CliEnvironment env)
    {
        var caseId = new Argument<string>("case-id");
        var tier = new Option<int>("--tier") { Description = "1..3", Required = true };
        tier.AcceptOnlyFromAmong("1", "2", "3");
        var risk = new Option<string>("--risk") { Description = "standard | medium | high", Required = true };
        risk.AcceptOnlyFromAmong("standard", "medium", "high");
        var rationale = new Option<string>("--rationale") { Description = "Why this risk level", Required = true };
        var four = new Option<string?>("--four") { Description = "The FOUR answers that are yes, comma-separated: fixated,obsessive,unwanted,repeated" };
        four.Validators.Add(r =>
        {
            var bad = MasipCli.CommaList(r.GetValue(four)).Except(FourAnswers).ToList();
            if (bad.Count > 0) r.AddError($"--four: unknown answer '{bad[0]}' (use {string.Join(",", FourAnswers)})");
        });
        var tierReasons = new Option<string?>("--tier-reasons") { Description = "Why this tier (default: the rationale)" };
        var advice = new Option<string?>("--advice") { Description = "Advice to the officer in case" };
        var again = new Option<bool>("--re-review") { Description = "Review an already reviewed report again" };
        var s2a = new Option<string?>("--s2a-justification") { Description = "Why the report is s2A rather than s4A (required for s2A)" };
        var escalation = new Option<string?>("--escalation") { Description = "escalating | stable | de-escalating | not-known: the officer's view" };
        escalation.AcceptOnlyFromAmong("escalating", "stable", "de-escalating", "not-known");
        var command = new Command("review", "Record the STAC review: FOUR screening, risk, advice and tier")
        {
            caseId, tier, risk, rationale, four, tierReasons, advice, again, s2a, escalation,
        };
        command.Handle(env, Officer, async run =>
        {
            var yes = MasipCli.CommaList(run.Value(four));
            var reply = await new StacReviews.StacReviewsClient(run.Channel("police")).ReviewReportAsync(new ReviewReportRequest
            {
                CaseId = run.Value(caseId),
                Fixated = yes.Contains("fixated"),
                Obsessive = yes.Contains("obsessive"),
                Unwanted = yes.Contains("unwanted"),
                RepeatedConduct = yes.Contains("repeated"),
                RiskLevel = run.Value(risk),
                RiskRationale = run.Value(rationale),
                AdviceToOic = run.Value(advice) ?? "",
                Tier = run.Value(tier),
                TierReasons = run.Value(tierReasons) ?? run.Value(rationale),
                ReReview = run.Value(again),
                S2AJustification = run.Value(s2a) ?? "",
                EscalationOfficer = run.Value(escalation) ?? "",
            }, run.Call);
            return run.Print(reply, () => PrintCase(run, reply));
        });
        return command;
    }

    private static Command Nominate(CliEnvironment env)
    {
        var caseId = new Argument<string>("case-id") { Description = "A Tier 3 case naming an identified suspect" };
        var rationale = new Option<string>("--rationale") { Required = true };
        var criteria = new Option<string>("--criteria") { Description = "Comma-separated, e.g. \"high harm,repeat,escalating\"", DefaultValueFactory = _ => "high harm" };
        var command = new Command("nominate", "Nominate the case's suspect to Operation Griffin (purpose griffin)") { caseId, rationale, criteria };
        command.Handle(env, Officer, async run =>
        {
            var request = new NominateToGriffinRequest { CaseId = run.Value(caseId), Rationale = run.Value(rationale) };
            request.Criteria.AddRange(MasipCli.CommaList(run.Value(criteria)));
            var reply = await new OperationGriffin.OperationGriffinClient(run.Channel("police", "griffin")).NominateToGriffinAsync(request, run.Call);
            return run.Print(reply, () => PrintNominal(run, reply));
        });
        return command;
    }

    private static Command Decide(CliEnvironment env)
    {
        var nominalId = new Argument<string>("nominal-id");
        var decision = new Option<string>("--decision") { Description = "accept | reject", DefaultValueFactory = _ => "accept" };
        decision.AcceptOnlyFromAmong("accept", "reject");
        var reason = new Option<string>("--reason") { Required = true };
        var reviewDue = new Option<string?>("--review-due") { Description = "yyyy-MM-dd (default: three months after acceptance)" };
        var command = new Command("decide", "The Griffin meeting chair accepts or rejects a nomination (default --as police/meeting-chair)") { nominalId, decision, reason, reviewDue };
        command.Handle(env, Chair, async run =>
        {
            var reply = await new OperationGriffin.OperationGriffinClient(run.Channel("police", "griffin")).DecideNominationAsync(new DecideNominationRequest
            {
                NominalId = run.Value(nominalId),
                Decision = run.Value(decision),
                Reason = run.Value(reason),
                ReviewDue = run.Value(reviewDue) ?? "",
            }, run.Call);
            return run.Print(reply, () => PrintNominal(run, reply));
        });
        return command;
    }

    private static void PrintNominal(Invocation run, NominalReply n)
    {
        run.Fields(("nominal", n.NominalId), ("status", n.Status), ("case", n.CaseId), ("perpetrator", n.PerpetratorId),
            ("name", n.PerpetratorName), ("criteria", n.Criteria), ("review due", n.ReviewDue));
        run.Withheld(n.WithheldFields);
    }

    private static Command ReferVictim(CliEnvironment env)
    {
        var caseId = new Argument<string>("case-id");
        var reason = new Option<string>("--reason") { Description = "Why the victim needs an advocate", Required = true };
        var referralId = new Option<Guid?>("--referral-id") { Description = "Makes a retry safe (default: a new id)" };
        var command = new Command("refer-victim", "Refer the case's victim to the advocacy service, with the contact details on the case") { caseId, reason, referralId };
        command.Handle(env, Officer, async run =>
        {
            var found = await new PoliceIntake.PoliceIntakeClient(run.Channel("police", "case-management"))
                .GetCaseAsync(new GetCaseRequest { CaseId = run.Value(caseId) }, run.Call);
            var reply = await new PoliceReferrals.PoliceReferralsClient(run.Channel("police", "referral")).ReferVictimToAdvocacyAsync(new ReferVictimToAdvocacyRequest
            {
                ReferralId = (run.Value(referralId) ?? Guid.NewGuid()).ToString(),
                CrimeReference = found.CrimeReference,
                VictimName = found.VictimName,
                VictimPhone = found.VictimPhone,
                VictimEmail = found.VictimEmail,
                Reason = run.Value(reason),
            }, run.Call);
            return run.Print(reply, () =>
            {
                run.Fields(("referral", reply.ReferralId), ("crime reference", reply.CrimeReference), ("victim", reply.VictimName),
                    ("referred by", reply.ReferredBy), ("referred at", reply.ReferredAt));
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }
}
