using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace Masip.Cli;

/// <summary>A bad argument found after parsing (exit code 2, like a parse error).</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>The `masip` command: global options, the subcommands, and one way of failing.</summary>
public static class MasipCli
{
    public const int Ok = 0;
    public const int RpcError = 1;
    public const int UsageError = 2;

    public static readonly Option<string?> As = new("--as")
    {
        Description = "Call as AGENCY/ROLE, e.g. police/stac-officer, advocacy/advocate (default: the command's usual role)",
        Recursive = true,
    };
    public static readonly Option<string?> Purpose = new("--purpose")
    {
        Description = "The purpose sent in x-masip-purpose: dmm, griffin, psr, referral, case-management, audit (default: the method's first purpose)",
        Recursive = true,
    };
    public static readonly Option<string?> User = new("--user")
    {
        Description = "The token subject, also recorded as the acting officer (default: dev-AGENCY-ROLE)",
        Recursive = true,
    };
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the reply as JSON (for scripts) instead of a table",
        Recursive = true,
    };

    public static RootCommand Build(CliEnvironment env)
    {
        var root = new RootCommand(
            "masip: the MASIP command-line client. Each command calls a service's gRPC API with a DEVELOPMENT token " +
            "minted for the role (DevelopmentTokens; services accept it only in the Development environment). " +
            "Endpoints: MASIP_POLICE_URL, MASIP_PROBATION_URL, MASIP_NHS_URL, MASIP_ADVOCACY_URL, MASIP_MEETINGS_URL " +
            "(default http://127.0.0.1:5101..5105).");
        root.Options.Add(As);
        root.Options.Add(Purpose);
        root.Options.Add(User);
        root.Options.Add(Json);
        root.Subcommands.Add(PoliceCommands.Build(env));
        root.Subcommands.Add(AdvocacyCommands.Build(env));
        root.Subcommands.Add(ProbationCommands.Build(env));
        root.Subcommands.Add(NhsCommands.Build(env));
        root.Subcommands.Add(MeetingsCommands.Build(env));
        root.Subcommands.Add(TaskCommands.Build(env));
        root.Subcommands.Add(AuditCommands.Build(env));
        root.Subcommands.Add(OutboxCommands.Build(env));
        root.Subcommands.Add(OutboxCommands.Topology(env));
        root.Subcommands.Add(TokenCommand.Build(env));
        root.Subcommands.Add(StatsCommand.Build(env));
        root.Subcommands.Add(DemoCommands.Build(env));
        return root;
    }

    /// <summary>Parses and runs; 0 done, 1 the service said no (or could not be reached), 2 bad usage.</summary>
    public static async Task<int> RunAsync(string[] args, CliEnvironment env, CancellationToken ct = default)
    {
        var root = Build(env);
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var error in parsed.Errors)
                env.Error.WriteLine($"masip: {error.Message}");
            env.Error.WriteLine($"usage: {Usage(parsed.CommandResult.Command)}");
            env.Error.WriteLine($"Run '{Path(parsed.CommandResult.Command)} --help' for the options.");
            return UsageError;
        }
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = env.Out, Error = env.Error, EnableDefaultExceptionHandler = false }, ct);
    }

    private static string Path(Command command)
    {
        var names = new List<string>();
        for (Symbol? s = command; s is Command c; s = c.Parents.FirstOrDefault())
            names.Insert(0, c is RootCommand ? "masip" : c.Name);
        return string.Join(' ', names);
    }

    private static string Usage(Command command)
    {
        var parts = new List<string> { Path(command) };
        if (command.Subcommands.Count > 0)
            parts.Add("<" + string.Join('|', command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name)) + ">");
        parts.AddRange(command.Arguments.Select(a => $"<{a.Name}>"));
        foreach (var option in command.Options.Where(o => o.Required))
            parts.Add($"{option.Name} <value>");
        parts.Add("[options]");
        return string.Join(' ', parts);
    }

    /// <summary>Gives a command its action: RPC errors become one line and exit 1, usage errors exit 2, never a trace.</summary>
    public static void Handle(this Command command, CliEnvironment env, CliIdentity defaultIdentity, Func<Invocation, Task<int>> body)
    {
        command.SetAction(async (parsed, ct) =>
        {
            try
            {
                var invocation = Invocation.From(parsed, env, defaultIdentity, ct);
                return await body(invocation);
            }
            catch (UsageException e)
            {
                env.Error.WriteLine($"masip: {e.Message}");
                env.Error.WriteLine($"usage: {Usage(parsed.CommandResult.Command)}");
                return UsageError;
            }
            catch (RpcException e)
            {
                env.Error.WriteLine($"error: {e.StatusCode}: {e.Status.Detail}");
                if (e.StatusCode == StatusCode.Unavailable)
                    env.Error.WriteLine("hint: is the service running? (deploy/masip status; endpoints from MASIP_<SERVICE>_URL)");
                return RpcError;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                env.Error.WriteLine("masip: cancelled");
                return RpcError;
            }
            catch (Exception e)
            {
                // Files, sockets and anything unforeseen: one line, never a stack trace.
                env.Error.WriteLine($"error: {e.GetType().Name}: {e.Message}");
                return RpcError;
            }
        });
    }

    /// <summary>A comma-separated option value as a list (empty entries dropped).</summary>
    public static List<string> CommaList(string? text) =>
        [.. (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>One run of one command: who it calls as, for what purpose, and where it writes.</summary>
public sealed class Invocation
{
    private static readonly JsonFormatter Formatter = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true).WithPreserveProtoFieldNames(true).WithIndentation());

    public required ParseResult Parsed { get; init; }
    public required CliEnvironment Env { get; init; }
    public required CliIdentity Identity { get; init; }
    public required string? Purpose { get; init; }
    public required bool Json { get; init; }
    public required CancellationToken Cancellation { get; init; }

    public TextWriter Out => Env.Out;
    public TextWriter Error => Env.Error;

    /// <summary>The acting officer recorded by commands (the token subject).</summary>
    public string Actor => Identity.Subject;

    public DateOnly Today => DateOnly.FromDateTime(Env.Clock.GetUtcNow().UtcDateTime);

    public static Invocation From(ParseResult parsed, CliEnvironment env, CliIdentity defaultIdentity, CancellationToken ct)
    {
        var user = parsed.GetValue(MasipCli.User);
        var identity = parsed.GetValue(MasipCli.As) is { } text
            ? CliIdentity.Parse(text, user) ?? throw new UsageException(
                $"--as: expected AGENCY/ROLE with AGENCY one of {string.Join(", ", CliIdentity.Agencies)} and ROLE one of {string.Join(", ", CliIdentity.Roles)}")
            : defaultIdentity with { Subject = user ?? defaultIdentity.Subject };
        return new Invocation
        {
            Parsed = parsed,
            Env = env,
            Identity = identity,
            Purpose = parsed.GetValue(MasipCli.Purpose),
            Json = parsed.GetValue(MasipCli.Json),
            Cancellation = ct,
        };
    }

    public T Value<T>(Option<T> option) => Parsed.GetValue(option)!;
    public T Value<T>(Argument<T> argument) => Parsed.GetValue(argument)!;

    /// <summary>A channel to the service as this invocation's identity; the purpose is the --purpose value unless one is given.</summary>
    public GrpcChannel Channel(string service, string? purpose = null) => Env.Channels(service, Identity, Purpose ?? purpose);

    public CallOptions Call => new(cancellationToken: Cancellation);

    public void WriteJson(IMessage message) => Out.WriteLine(Formatter.Format(message));

    public void WriteJsonArray(IEnumerable<IMessage> messages) =>
        Out.WriteLine("[" + string.Join(",\n", messages.Select(m => Formatter.Format(m))) + "]");

    /// <summary>Prints the reply: JSON with --json, else the human view.</summary>
    public int Print(IMessage reply, Action human)
    {
        if (Json)
            WriteJson(reply);
        else
            human();
        return MasipCli.Ok;
    }

    public void Fields(params (string Name, object? Value)[] fields)
    {
        var width = fields.Max(f => f.Name.Length);
        foreach (var (name, value) in fields)
        {
            var text = value switch
            {
                null => "",
                string s => s,
                bool b => b ? "yes" : "no",
                IEnumerable<string> list => string.Join(", ", list),
                _ => value.ToString() ?? "",
            };
            Out.WriteLine($"{(name + ":").PadRight(width + 1)} {text}");
        }
    }

    public void Withheld(Google.Protobuf.Collections.RepeatedField<string> withheld)
    {
        if (withheld.Count > 0)
            Out.WriteLine($"withheld by the sharing agreement: {string.Join(", ", withheld)}");
    }
}
