using System.CommandLine;
using Masip.Contracts.Advocacy;

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
        var command = new Command("referrals", "Victim referrals received, newest last") { status };
        command.Handle(env, Advocate, async run =>
        {
            var reply = await new AdvocacyReferrals.AdvocacyReferralsClient(run.Channel("advocacy"))
                .ListReferralsAsync(new ListReferralsRequest { Status = run.Value(status) ?? "" }, run.Call);
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
        var advocateId = new Option<string?>("--advocate") { Description = "Who accepts (default: the --user subject)" };
        var command = new Command("accept", "Accept a referral") { referralId, advocateId };
        command.Handle(env, Advocate, async run =>
        {
            var reply = await new AdvocacyReferrals.AdvocacyReferralsClient(run.Channel("advocacy")).AcceptReferralAsync(
                new AcceptReferralRequest { ReferralId = run.Value(referralId), AdvocateId = run.Value(advocateId) ?? run.Actor }, run.Call);
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
