using System.CommandLine;
using Masip.Contracts.Advocacy;
using Masip.Contracts.Common;

namespace Masip.Cli;

/// <summary>`masip advocacy ...`: the advocate's referrals.</summary>
public static class AdvocacyCommands
{
    private static readonly CliIdentity Advocate = new("advocacy", "advocate", "dev-advocacy-advocate");

    public static Command Build(CliEnvironment env)
    {
        var advocacy = new Command("advocacy", "The advocate's referrals (default --as advocacy/advocate)");
        advocacy.Subcommands.Add(Referrals(env));
        advocacy.Subcommands.Add(Accept(env));
        return advocacy;
    }

    private static Command Referrals(CliEnvironment env)
    {
        var status = new Option<string?>("--status") { Description = "pending | accepted | declined (default: all)" };
        status.AcceptOnlyFromAmong("pending", "accepted", "declined");
        var command = new Command("referrals", "Victim referrals received, newest first (every page)") { status };
        command.Handle(env, Advocate, async run =>
        {
            var client = new AdvocacyReferrals.AdvocacyReferralsClient(run.Channel("advocacy"));
            var request = new ListReferralsRequest { Status = run.Value(status) ?? "", Page = new PageRequest { PageSize = 500 } };
            // One reply holding every page: the table (or the JSON) shows the whole list, as before it was paged.
            var reply = new ListReferralsReply();
            while (true)
            {
                var page = await client.ListReferralsAsync(request, run.Call);
                reply.Referrals.AddRange(page.Referrals);
                reply.Page = page.Page;
                foreach (var withheld in page.WithheldFields.Except(reply.WithheldFields).ToList())
                    reply.WithheldFields.Add(withheld);
                if (page.Page.NextPageToken.Length == 0)
                    break;
                request.Page.PageToken = page.Page.NextPageToken;
            }
            return run.Print(reply, () =>
            {
                var table = new Table("REFERRAL", "STATUS", "SOURCE", "CRIME REF", "VICTIM", "PHONE", "RECEIVED", "REASON");
                foreach (var r in reply.Referrals)
                    table.Row(r.ReferralId, r.Status, r.Source, r.CrimeReference, r.VictimName, r.VictimPhone, r.ReceivedAt, r.Reason);
                table.WriteTo(run.Out, "no referrals");
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }

    private static Command Accept(CliEnvironment env)
    {
        var referralId = new Argument<string>("referral-id");
        var command = new Command("accept", "Accept a referral (as the --user advocate: the service records the caller)") { referralId };
        command.Handle(env, Advocate, async run =>
        {
            var reply = await new AdvocacyReferrals.AdvocacyReferralsClient(run.Channel("advocacy")).AcceptReferralAsync(
                new AcceptReferralRequest { ReferralId = run.Value(referralId) }, run.Call);
            return run.Print(reply, () =>
            {
                run.Fields(("referral", reply.ReferralId), ("status", reply.Status), ("crime reference", reply.CrimeReference),
                    ("victim", reply.VictimName), ("decided by", reply.DecidedBy), ("decided at", reply.DecidedAt));
                run.Withheld(reply.WithheldFields);
            });
        });
        return command;
    }
}
