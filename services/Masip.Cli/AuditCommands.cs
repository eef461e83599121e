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
        audit.Subcommands.Add(Verify(env));
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
            var client = new DisclosureAudit.DisclosureAuditClient(run.Channel(run.Value(service)));
            // Every page: an audit trail is read whole.
            var reply = new DisclosuresReply();
            var page = new Contracts.Common.PageRequest { PageSize = 500 };
            while (true)
            {
                var next = await client.WhoSawSubjectAsync(new WhoSawSubjectRequest { SubjectKind = run.Value(kind), SubjectId = run.Value(id), Page = page }, run.Call);
                reply.Entries.AddRange(next.Entries);
                reply.Page = next.Page;
                if (next.Page.NextPageToken.Length == 0)
                    break;
                page = new Contracts.Common.PageRequest { PageSize = 500, PageToken = next.Page.NextPageToken };
            }
            return run.Print(reply, () =>
            {
                var table = new Table("#", "AT", "WHO", "AGENCY/ROLE", "RECIPIENT", "CHANNEL", "OPERATION", "PURPOSE", "CLASSES", "REASON", "CHECK");
                foreach (var e in reply.Entries)
                    table.Row(e.Position == 0 ? "" : e.Position, e.At, e.ViewerSub, e.ViewerAgency.Length > 0 ? $"{e.ViewerAgency}/{e.ViewerRole}" : "",
                        e.Recipient, e.Channel, e.Operation, e.Purpose, e.Classes, e.Reason,
                        e.Verification == "failed" ? $"FAILED: {e.VerificationDetail}" : e.Verification);
                table.WriteTo(run.Out, "nobody has been shown anything about this subject");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Verify(CliEnvironment env)
    {
        var kind = new Argument<string>("kind") { Description = "The subject's kind: case, referral, perpetrator, nominal, ..." };
        var id = new Argument<string>("id");
        var service = new Option<string>("--service") { Description = "Whose audit: police, probation, nhs, advocacy, meetings", DefaultValueFactory = _ => "police" };
        service.AcceptOnlyFromAmong([.. CliEnvironment.Ports.Keys]);
        var command = new Command("verify", "Check one subject's audit chain against the key: every entry, every link, and the head") { kind, id, service };
        command.Handle(env, Auditor, async run =>
        {
            var reply = await new DisclosureAudit.DisclosureAuditClient(run.Channel(run.Value(service)))
                .VerifySubjectChainAsync(new VerifySubjectChainRequest { SubjectKind = run.Value(kind), SubjectId = run.Value(id) }, run.Call);
            run.Print(reply, () => run.Fields(("valid", reply.Valid ? "yes" : "NO"), ("entries checked", reply.EntriesChecked),
                ("head records", reply.HeadEntries), ("not sealed yet", reply.PendingEntries), ("first broken", reply.FirstBrokenEntryId),
                ("reason", reply.Reason)));
            return reply.Valid ? MasipCli.Ok : MasipCli.RpcError;
        });
        return command;
    }
}
