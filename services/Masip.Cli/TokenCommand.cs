using System.CommandLine;
using Masip.ServiceDefaults.Identity;

namespace Masip.Cli;

/// <summary>`masip token`: a development bearer token, for grpcurl and friends.</summary>
public static class TokenCommand
{
    public static Command Build(CliEnvironment env)
    {
        var agency = new Option<string>("--agency") { Required = true };
        agency.AcceptOnlyFromAmong(CliIdentity.Agencies);
        var role = new Option<string>("--role") { Required = true };
        role.AcceptOnlyFromAmong(CliIdentity.Roles);
        var hours = new Option<int>("--hours") { DefaultValueFactory = _ => 8 };
        hours.Validators.Add(r => { if (r.GetValue(hours) is < 1 or > 24) r.AddError("--hours must be between 1 and 24"); });
        var force = new Option<string?>("--force") { Description = "the force the token acts for, in a deployment that serves several (Masip:Tenancy:Forces)" };
        force.Validators.Add(r =>
        {
            if (r.GetValue(force) is { } f && !System.Text.RegularExpressions.Regex.IsMatch(f, "^[a-z][a-z0-9-]{1,31}$"))
                r.AddError("--force must be a force id: lower-case letters, digits and '-', 2 to 32 characters, starting with a letter");
        });
        var command = new Command("token",
            "Print a DEVELOPMENT bearer token for the role (signed with the published development key; services accept it only in Development). " +
            "The subject is --user, default dev-AGENCY-ROLE.") { agency, role, hours, force };
        command.SetAction(parsed =>
        {
            var a = parsed.GetValue(agency)!;
            var r = parsed.GetValue(role)!;
            env.Out.WriteLine(DevelopmentTokens.Mint(parsed.GetValue(MasipCli.User) ?? $"dev-{a}-{r}", a, r, TimeSpan.FromHours(parsed.GetValue(hours)),
                force: parsed.GetValue(force)));
            return MasipCli.Ok;
        });
        return command;
    }
}
