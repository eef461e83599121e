using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Masip.Contracts.Common;
using Masip.Contracts.Probation;

namespace Masip.Cli;

/// <summary>`masip probation ...`: the probation officer's people and PSR consultations.</summary>
public static class ProbationCommands
{
    private static readonly CliIdentity Officer = new("probation", "probation-officer", "dev-probation-probation-officer");

    public static Command Build(CliEnvironment env)
    {
        var probation = new Command("probation", "The probation officer's work (default --as probation/probation-officer)");
        probation.Subcommands.Add(Register(env));
        var psr = new Command("psr", "Pre-sentence report consultations with STAC input");
        psr.Subcommands.Add(Request(env));
        psr.Subcommands.Add(Show(env));
        psr.Subcommands.Add(List(env));
        psr.Subcommands.Add(Export(env));
        probation.Subcommands.Add(psr);
        return probation;
    }

    private static Command Register(CliEnvironment env)
    {
        var name = new Option<string>("--name") { Required = true };
        var dob = new Option<string>("--dob") { Description = "yyyy-MM-dd", Required = true };
        var pnc = new Option<string?>("--pnc") { Description = "e.g. 99/123456X" };
        var personId = new Option<Guid?>("--person-id") { Description = "Makes a retry safe (default: a new id)" };
        var command = new Command("register", "Register a person known to probation") { name, dob, pnc, personId };
        command.Handle(env, Officer, async run =>
        {
            var reply = await new ProbationPeople.ProbationPeopleClient(run.Channel("probation")).RegisterPersonAsync(new RegisterPersonRequest
            {
                PersonId = (run.Value(personId) ?? Guid.NewGuid()).ToString(),
                Name = run.Value(name),
                DateOfBirth = run.Value(dob),
                PncId = run.Value(pnc) ?? "",
            }, run.Call);
            return run.Print(reply, () =>
            {
                run.Fields(("person", reply.PersonId), ("name", reply.Name), ("date of birth", reply.DateOfBirth), ("pnc id", reply.PncId));
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Request(CliEnvironment env)
    {
        var personId = new Option<string>("--person") { Description = "A person known to probation", Required = true };
        var court = new Option<string>("--court") { Required = true };
        var hearing = new Option<string>("--hearing") { Description = "yyyy-MM-dd", Required = true };
        var due = new Option<string>("--due") { Description = "yyyy-MM-dd", Required = true };
        var offence = new Option<string>("--offence") { DefaultValueFactory = _ => "s4A" };
        // Who asked: someone outside STAC probation; the caller (--as/--user) is recorded as the actor.
        var requester = new Option<string>("--requester") { Description = "Who asked: the court report writer or the officer in the case", Required = true };
        var requesterRole = new Option<string>("--requester-role") { DefaultValueFactory = _ => "court-report-writer" };
        requesterRole.AcceptOnlyFromAmong("officer-in-case", "court-report-writer");
        var command = new Command("request", "Request a PSR consultation with STAC") { personId, court, hearing, due, offence, requester, requesterRole };
        command.Handle(env, Officer, async run =>
        {
            var reply = await new PsrConsultations.PsrConsultationsClient(run.Channel("probation", "psr")).RequestPsrConsultationAsync(new RequestPsrConsultationRequest
            {
                ConsultationId = Guid.NewGuid().ToString(),
                PersonId = run.Value(personId),
                Court = run.Value(court),
                HearingDate = run.Value(hearing),
                DueDate = run.Value(due),
                Offence = run.Value(offence),
                Requester = run.Value(requester),
                RequesterRole = run.Value(requesterRole),
            }, run.Call);
            return run.Print(reply, () => PrintConsultation(run, reply));
        });
        return command;
    }

    private static Command Show(CliEnvironment env)
    {
        var id = new Argument<string>("consultation-id");
        var command = new Command("show", "One PSR consultation") { id };
        command.Handle(env, Officer, async run =>
        {
            var reply = await new PsrConsultations.PsrConsultationsClient(run.Channel("probation", "psr"))
                .GetPsrConsultationAsync(new GetPsrConsultationRequest { ConsultationId = run.Value(id) }, run.Call);
            return run.Print(reply, () => PrintConsultation(run, reply));
        });
        return command;
    }

    private static Command List(CliEnvironment env)
    {
        var status = new Option<string?>("--status") { Description = "requested | in-progress | submitted | withdrawn" };
        status.AcceptOnlyFromAmong("requested", "in-progress", "submitted", "withdrawn");
        var command = new Command("list", "PSR consultations, the soonest due first (every page)") { status };
        command.Handle(env, Officer, async run =>
        {
            var client = new PsrConsultations.PsrConsultationsClient(run.Channel("probation", "psr"));
            var reply = await AllPages(page =>
                client.ListPsrConsultationsAsync(new ListPsrConsultationsRequest { Status = run.Value(status) ?? "", Page = page }, run.Call).ResponseAsync);
            return run.Print(reply, () =>
            {
                var table = new Table("CONSULTATION", "STATUS", "PERSON", "COURT", "HEARING", "DUE", "OFFENCE");
                foreach (var c in reply.Consultations)
                    table.Row(c.ConsultationId, c.Status, c.PersonId, c.Court, c.HearingDate, c.DueDate, c.Offence);
                table.WriteTo(run.Out, "no PSR consultations");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Export(CliEnvironment env)
    {
        var id = new Argument<string>("consultation-id");
        var format = new Option<string>("--format") { DefaultValueFactory = _ => "markdown" };
        format.AcceptOnlyFromAmong("markdown", "html");
        var command = new Command("export", "The PSR summary document (Markdown or HTML) on the output") { id, format };
        command.Handle(env, Officer, async run =>
        {
            var reply = await new PsrConsultations.PsrConsultationsClient(run.Channel("probation", "psr"))
                .ExportPsrSummaryAsync(new ExportPsrSummaryRequest { ConsultationId = run.Value(id), Format = run.Value(format) }, run.Call);
            return run.Print(reply, () => run.Out.WriteLine(reply.Document));
        });
        return command;
    }

    private static void PrintConsultation(Invocation run, PsrConsultationReply c)
    {
        run.Fields(("consultation", c.ConsultationId), ("status", c.Status), ("person", c.PersonId), ("court", c.Court),
            ("hearing", c.HearingDate), ("due", c.DueDate), ("offence", c.Offence), ("requested by", c.Requester));
        run.Withheld(c.WithheldFields);
    }

    /// <summary>
    /// Every page of the list, as one reply: the consultations in the service's order, the withheld
    /// paths renumbered to the merged list ("consultations[3].court" on the second page of 500 is
    /// item 503), and the total.
    /// </summary>
    private static async Task<ListPsrConsultationsReply> AllPages(Func<PageRequest, Task<ListPsrConsultationsReply>> list)
    {
        var all = new ListPsrConsultationsReply { Page = new PageInfo() };
        var page = new PageRequest { PageSize = 500 };
        while (true)
        {
            var reply = await list(page);
            var offset = all.Consultations.Count;
            all.WithheldFields.AddRange(reply.WithheldFields.Select(path => ItemIndex.Replace(path, m =>
                $"consultations[{(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + offset).ToString(CultureInfo.InvariantCulture)}]")));
            all.Consultations.AddRange(reply.Consultations);
            all.Page.Total = reply.Page?.Total ?? all.Consultations.Count;
            if (reply.Page is not { NextPageToken.Length: > 0 } info)
                return all;
            page = new PageRequest { PageSize = 500, PageToken = info.NextPageToken };
        }
    }

    private static readonly Regex ItemIndex = new(@"^consultations\[(\d+)\]", RegexOptions.CultureInvariant);
}
