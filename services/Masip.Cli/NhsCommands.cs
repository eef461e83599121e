using System.CommandLine;
using Masip.Contracts.Common;
using Masip.Contracts.Nhs;

namespace Masip.Cli;

/// <summary>`masip nhs ...`: the clinician's sessions and waiting list.</summary>
public static class NhsCommands
{
    private static readonly CliIdentity Clinician = new("nhs", "clinician", "dev-nhs-clinician");

    public static Command Build(CliEnvironment env)
    {
        var nhs = new Command("nhs", "The clinician's work (default --as nhs/clinician)");
        nhs.Subcommands.Add(Session(env));
        nhs.Subcommands.Add(Waiting(env));
        return nhs;
    }

    private static Command Session(CliEnvironment env)
    {
        var episodeId = new Argument<string>("episode-id") { Description = "The intervention episode" };
        var date = new Option<string?>("--date") { Description = "yyyy-MM-dd (default: today)" };
        var attendance = new Option<string>("--attendance") { DefaultValueFactory = _ => "attended" };
        attendance.AcceptOnlyFromAmong("attended", "did-not-attend", "cancelled");
        var notes = new Option<string?>("--notes") { Description = "Clinical notes (stay in the NHS)" };
        var sessionId = new Option<Guid?>("--session-id") { Description = "Makes a retry safe (default: a new id)" };
        var command = new Command("session", "Log an intervention session") { episodeId, date, attendance, notes, sessionId };
        command.Handle(env, Clinician, async run =>
        {
            var reply = await new NhsInterventions.NhsInterventionsClient(run.Channel("nhs")).LogSessionAsync(new LogSessionRequest
            {
                EpisodeId = run.Value(episodeId),
                SessionId = (run.Value(sessionId) ?? Guid.NewGuid()).ToString(),
                Date = run.Value(date) ?? run.Today.ToString("yyyy-MM-dd"),
                Attendance = run.Value(attendance),
                ClinicalNotes = run.Value(notes) ?? "",
            }, run.Call);
            return run.Print(reply, () =>
            {
                run.Fields(("episode", reply.EpisodeId), ("status", reply.Status), ("modality", reply.Modality),
                    ("sessions", $"{reply.Sessions.Count} logged of {reply.PlannedSessions} planned"));
                var table = new Table("SESSION", "DATE", "ATTENDANCE");
                foreach (var s in reply.Sessions)
                    table.Row(s.SessionId, s.Date, s.Attendance);
                table.WriteTo(run.Out);
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Waiting(CliEnvironment env)
    {
        var limit = new Option<int?>("--limit") { Description = "Show at most this many (default: the whole list)" };
        limit.Validators.Add(r => { if (r.GetValue(limit) is < 1) r.AddError("--limit must be at least 1"); });
        var command = new Command("waiting", "The waiting list by risk, then the longest waiting") { limit };
        command.Handle(env, Clinician, async run =>
        {
            // Page through the whole list (nobody waiting is left off a page), up to --limit.
            var client = new NhsReferrals.NhsReferralsClient(run.Channel("nhs"));
            var wanted = run.Value(limit) ?? int.MaxValue;
            var reply = new WaitingListReply { Page = new PageInfo() };
            var request = new ListWaitingListRequest { Page = new PageRequest { PageSize = Math.Min(wanted, 500) } };
            while (true)
            {
                var page = await client.ListWaitingListAsync(request, run.Call);
                reply.Referrals.AddRange(page.Referrals.Take(wanted - reply.Referrals.Count));
                reply.WithheldFields.AddRange(page.WithheldFields.Except(reply.WithheldFields));
                reply.Page = page.Page;
                if (page.Page is null || page.Page.NextPageToken.Length == 0 || reply.Referrals.Count >= wanted)
                    break;
                request.Page.PageToken = page.Page.NextPageToken;
            }
            return run.Print(reply, () =>
            {
                var table = new Table("REFERRAL", "RISK", "SERVICE", "ROUTE", "PERPETRATOR", "RECEIVED");
                foreach (var r in reply.Referrals)
                    table.Row(r.ReferralId, r.RiskLevel, r.Service, r.Route, r.PerpetratorName, r.ReceivedAt);
                table.WriteTo(run.Out, "the waiting list is empty");
                if (reply.Referrals.Count > 0)
                    run.Out.WriteLine($"{reply.Referrals.Count} shown of {reply.Page?.Total ?? reply.Referrals.Count} waiting");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }
}
