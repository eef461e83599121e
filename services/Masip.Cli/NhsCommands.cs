using System.CommandLine;
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
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 100 };
        var command = new Command("waiting", "The waiting list by risk") { limit };
        command.Handle(env, Clinician, async run =>
        {
            var reply = await new NhsReferrals.NhsReferralsClient(run.Channel("nhs"))
                .ListWaitingListAsync(new ListWaitingListRequest { Limit = run.Value(limit) }, run.Call);
            return run.Print(reply, () =>
            {
                var table = new Table("REFERRAL", "RISK", "SERVICE", "ROUTE", "PERPETRATOR", "RECEIVED");
                foreach (var r in reply.Referrals)
                    table.Row(r.ReferralId, r.RiskLevel, r.Service, r.Route, r.PerpetratorName, r.ReceivedAt);
                table.WriteTo(run.Out, "the waiting list is empty");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }
}
