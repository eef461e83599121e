using System.CommandLine;
using Masip.Contracts.Audit;

namespace Masip.Cli;

/// <summary>`masip audit ...`: the auditor's view of who saw what.</summary>
public static class AuditCommands
{
    private static readonly CliIdentity Auditor = new("police", "auditor", "dev-police-auditor");

    public static Command Build(CliEnvironment env)
    {
        var audit = new Command("audit", "The disclosure audit of one service (default --as police/auditor)");
        audit.Subcommands.Add(WhoSaw(env));
        return audit;
    }

    private static Command WhoSaw(CliEnvironment env)
    {
        var kind = new Argument<string>("kind") { Description = "The subject's kind: case, referral, perpetrator, nominal, victim, ..." };
        var id = new Argument<string>("id");
        var service = new Option<string>("--service") { Description = "Whose audit: police, probation, nhs, advocacy, meetings", DefaultValueFactory = _ => "police" };
        service.AcceptOnlyFromAmong([.. CliEnvironment.Ports.Keys]);
        var command = new Command("who-saw", "Who was shown what about one subject, oldest first") { kind, id, service };
        command.Handle(env, Auditor, async run =>
        {
            var reply = await new DisclosureAudit.DisclosureAuditClient(run.Channel(run.Value(service)))
                .WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = run.Value(kind), SubjectId = run.Value(id) }, run.Call);
            return run.Print(reply, () =>
            {
                var table = new Table("AT", "WHO", "AGENCY/ROLE", "RECIPIENT", "CHANNEL", "OPERATION", "PURPOSE", "CLASSES");
                foreach (var e in reply.Entries)
                    table.Row(e.At, e.ViewerSub, e.ViewerAgency.Length > 0 ? $"{e.ViewerAgency}/{e.ViewerRole}" : "", e.Recipient, e.Channel, e.Operation, e.Purpose, e.Classes);
                table.WriteTo(run.Out, "nobody has been shown anything about this subject");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }
}
