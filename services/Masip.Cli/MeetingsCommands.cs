using System.CommandLine;
using System.Globalization;
using Masip.Contracts.Common;
using Masip.Contracts.Meetings;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Cli;

/// <summary>
/// `masip meetings ...`: the chair schedules the day's meeting and generates its agenda; every
/// attendee reads the agenda as their role may see it (their own view: the token decides), and
/// lists a kind the agenda groups. A meeting is named by its type and date: the client derives
/// the meeting id from them, so `--date today` finds the meeting that `schedule --date today` made.
/// </summary>
public static class MeetingsCommands
{
    private static readonly CliIdentity Chair = new("police", "meeting-chair", "dev-police-meeting-chair");

    public static Command Build(CliEnvironment env)
    {
        var meetings = new Command("meetings", "The daily management meeting and the Griffin meeting (default --as police/meeting-chair)");
        meetings.Subcommands.Add(Schedule(env));
        meetings.Subcommands.Add(Generate(env));
        meetings.Subcommands.Add(Agenda(env));
        meetings.Subcommands.Add(Group(env));
        return meetings;
    }

    /// <summary>The meeting of this type on this date: the platform's name-based id ("meeting", "TYPE:DATE").</summary>
    public static Guid MeetingId(string type, DateOnly date) =>
        DeterministicId.For("meeting", $"{type}:{date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

    private static (Option<string> Date, Option<string> Type) MeetingOptions()
    {
        var date = new Option<string>("--date") { Description = "today or yyyy-MM-dd", DefaultValueFactory = _ => "today" };
        date.Validators.Add(r =>
        {
            var v = r.GetValue(date);
            if (v != "today" && !DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                r.AddError("--date: expected today or yyyy-MM-dd");
        });
        var type = new Option<string>("--type") { Description = "dmm | griffin", DefaultValueFactory = _ => "dmm" };
        type.AcceptOnlyFromAmong("dmm", "griffin");
        return (date, type);
    }

    private static DateOnly DateOf(Invocation run, Option<string> date) =>
        run.Value(date) is "today" ? run.Today : DateOnly.ParseExact(run.Value(date), "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Command Schedule(CliEnvironment env)
    {
        var (date, type) = MeetingOptions();
        var command = new Command("schedule", "Schedule the meeting with the usual attendees, chaired by the caller (idempotent: the same meeting again changes nothing)") { date, type };
        command.Handle(env, Chair, async run =>
        {
            var day = DateOf(run, date);
            var request = new ScheduleMeetingRequest
            {
                MeetingId = MeetingId(run.Value(type), day).ToString(),
                Type = run.Value(type),
                Date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            request.Attendees.Add(new Attendee { Agency = "police", Role = "meeting-chair", Person = run.Actor });
            request.Attendees.Add(new Attendee { Agency = "police", Role = "stac-officer", Person = "dev-police-stac-officer" });
            request.Attendees.Add(new Attendee { Agency = "probation", Role = "probation-officer", Person = "dev-probation-probation-officer" });
            request.Attendees.Add(new Attendee { Agency = "nhs", Role = "clinician", Person = "dev-nhs-clinician" });
            if (run.Value(type) == "dmm")
                request.Attendees.Add(new Attendee { Agency = "advocacy", Role = "advocate", Person = "dev-advocacy-advocate" });
            var reply = await new Meetings.MeetingsClient(run.Channel("meetings", run.Value(type))).ScheduleMeetingAsync(request, run.Call);
            return run.Print(reply, () =>
            {
                run.Fields(("meeting", reply.MeetingId), ("type", reply.Type), ("date", reply.Date), ("chair", reply.Chair),
                    ("attendees", reply.Attendees.Select(a => $"{a.Agency}/{a.Role}").ToList()));
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Generate(CliEnvironment env)
    {
        var (date, type) = MeetingOptions();
        var command = new Command("generate", "Generate (or regenerate) the meeting's agenda from what the agencies have sent") { date, type };
        command.Handle(env, Chair, async run =>
        {
            var id = MeetingId(run.Value(type), DateOf(run, date)).ToString();
            var reply = await new Meetings.MeetingsClient(run.Channel("meetings", run.Value(type)))
                .GenerateAgendaAsync(new GenerateAgendaRequest { MeetingId = id }, run.Call);
            return run.Print(reply, () => PrintAgenda(run, reply));
        });
        return command;
    }

    private static Command Agenda(CliEnvironment env)
    {
        var (date, type) = MeetingOptions();
        var command = new Command("agenda", "The agenda as the caller's role sees it (--as advocacy/advocate, nhs/clinician, ...)") { date, type };
        command.Handle(env, Chair, async run =>
        {
            var id = MeetingId(run.Value(type), DateOf(run, date)).ToString();
            var reply = await new Meetings.MeetingsClient(run.Channel("meetings", run.Value(type)))
                .GetAgendaViewAsync(new GetAgendaViewRequest { MeetingId = id }, run.Call);
            return run.Print(reply, () => PrintAgenda(run, reply));
        });
        return command;
    }

    private static Command Group(CliEnvironment env)
    {
        var (date, type) = MeetingOptions();
        var kind = new Option<string>("--kind") { Description = "The kind of item the agenda groups (referral-awaiting-decision, s2a-limit-near, ...)", Required = true };
        var command = new Command("group", "Every item of one kind in the caller's view of the agenda, page after page") { date, type, kind };
        command.Handle(env, Chair, async run =>
        {
            var client = new Meetings.MeetingsClient(run.Channel("meetings", run.Value(type)));
            var request = new ListAgendaGroupRequest
            {
                MeetingId = MeetingId(run.Value(type), DateOf(run, date)).ToString(), Type = run.Value(kind), Page = new PageRequest { PageSize = 500 },
            };
            var items = new List<AgendaItemReply>();
            AgendaGroupReply page;
            do
            {
                page = await client.ListAgendaGroupAsync(request, run.Call);
                items.AddRange(page.Items);
                request.Page.PageToken = page.Page.NextPageToken;
            }
            while (request.Page.PageToken.Length > 0);
            var all = new AgendaGroupReply { MeetingId = page.MeetingId, Type = page.Type, Version = page.Version, Viewer = page.Viewer, Page = new PageInfo { Total = items.Count } };
            all.Items.AddRange(items);
            return run.Print(all, () =>
            {
                run.Out.WriteLine($"{all.Type}: {items.Count} items in version {all.Version} of the agenda, as {all.Viewer}");
                var table = new Table("#", "RISK", "REASON", "CRIME REF", "AGE (DAYS)");
                foreach (var i in items)
                    table.Row(i.Position, i.Risk, i.Reason, i.CrimeReference, i.AgeDays);
                table.WriteTo(run.Out, "no items of this kind");
            });
        });
        return command;
    }

    private static string Shown(ContributionField f) =>
        f.WithheldMarker is { Length: > 0 } marker ? marker
        : new[] { f.Meta, f.CaseSummary, f.PoliceIntelligence, f.GriffinRestricted, f.PerpetratorIdentity, f.VictimIdentity, f.VictimVoice,
            f.ProbationRecord, f.ClinicalRiskSummary, f.OfficerIdentity }.FirstOrDefault(v => v.Length > 0) ?? "";

    private static void PrintAgenda(Invocation run, AgendaReply agenda)
    {
        run.Out.WriteLine($"{agenda.Type.ToUpperInvariant()} {agenda.Date}, agenda version {agenda.Version}, as {agenda.Viewer}: {agenda.Items.Count} items");
        var table = new Table("#", "RISK", "ITEM", "REASON", "CRIME REF", "AGE (DAYS)");
        foreach (var i in agenda.Items)
            table.Row(i.Position, i.Risk, i.GroupCount > 0 ? $"{i.Type} x{i.GroupCount}" : i.Type, i.Reason, i.CrimeReference, i.GroupCount > 0 ? "" : i.AgeDays);
        table.WriteTo(run.Out, "nothing on the agenda");
        foreach (var g in agenda.Items.Where(i => i.GroupCount > 0))
            run.Out.WriteLine($"  #{g.Position} groups {g.GroupCount} {g.Type} items: `masip meetings group --kind {g.Type}` lists them");
        foreach (var i in agenda.Items.Where(i => i.Contributions.Count > 0))
        {
            run.Out.WriteLine($"  #{i.Position} {(i.CrimeReference.Length > 0 ? i.CrimeReference : i.Type)}:");
            foreach (var f in i.Contributions)
                run.Out.WriteLine($"    {f.Agency} {f.Name}: {Shown(f)}");
        }
        if (agenda.Withheld.Count > 0)
            run.Out.WriteLine($"withheld from this view: {agenda.Withheld.Count} fields ({string.Join(", ", agenda.Withheld.Take(5))}{(agenda.Withheld.Count > 5 ? ", ..." : "")})");
        run.Withheld(agenda.WithheldFields);
    }
}
