using System.Text.RegularExpressions;
using Marten;
using Microsoft.Extensions.Configuration;

namespace Masip.ServiceDefaults.Tenancy;

/// <summary>
/// The police forces one deployment serves (DESIGN.md "Forces as tenants"). Unconfigured, a
/// deployment serves one force in one database per service, as always. Configured
/// (<c>Masip:Tenancy:Forces = "north,south"</c>), each force is a Marten tenant with a database of
/// its own per service (masip_police_north, masip_police_south): a call acts for the force in its
/// token's <c>force</c> claim, a message for the force in its <c>masip-force</c> header, a scan
/// for each force in turn. The force being served is ambient (<see cref="Current"/>): set once
/// where work enters the service, read by the command pipeline, the sessions, the audit and the
/// relay, so no use case handles tenancy itself.
/// </summary>
public sealed partial class Forces
{
    public const string ForcesKey = "Masip:Tenancy:Forces";
    public const string AgreementsKey = "Masip:Tenancy:Agreements";
    public const string Claim = "force";
    public const string Header = "masip-force";

    /// <summary>Marten's tenant of a deployment that serves one force (its default tenant).</summary>
    public const string SingleForce = "*DEFAULT*";

    /// <summary>The tenant of a request whose token names no force this deployment serves: no database answers for it.</summary>
    public const string Unserved = "(unserved)";

    public const int MaxForces = 64;

    private static readonly AsyncLocal<string?> CurrentForce = new();

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _tenantOfDatabase = new(StringComparer.Ordinal);

    private Forces(IReadOnlyList<string> configured) => Configured = configured;

    /// <summary>Remembers which force's database <paramref name="database"/> is (the store is built with one per force).</summary>
    public void Register(string database, string tenant) => _tenantOfDatabase[database] = tenant;

    /// <summary>The force whose database a session of the async daemon works on.</summary>
    public string TenantOf(IQuerySession session)
    {
        if (!Enabled)
            return SingleForce;
        using var connection = session.Database.CreateConnection();
        return _tenantOfDatabase.TryGetValue(connection.Database, out var tenant)
            ? tenant
            : throw new InvalidOperationException($"database {connection.Database} is not a force's database of this deployment");
    }

    /// <summary>The configured forces; empty when the deployment serves one force.</summary>
    public IReadOnlyList<string> Configured { get; }

    public bool Enabled => Configured.Count > 0;

    /// <summary>The Marten tenants this deployment serves: the forces, or the one default tenant.</summary>
    public IReadOnlyList<string> Tenants => Enabled ? Configured : [SingleForce];

    /// <summary>The force the current work is for (the default tenant when none was entered).</summary>
    public static string Current => CurrentForce.Value ?? SingleForce;

    /// <summary>The current force as a message header value, or null in a single-force deployment.</summary>
    public static string? CurrentHeader => CurrentForce.Value is { } force && force != SingleForce ? force : null;

    /// <summary>Acts for <paramref name="tenant"/> until disposed.</summary>
    public static Scope Enter(string tenant)
    {
        var previous = CurrentForce.Value;
        CurrentForce.Value = tenant;
        return new Scope(previous);
    }

    public static Forces From(IConfiguration configuration)
    {
        var value = configuration[ForcesKey];
        if (string.IsNullOrWhiteSpace(value))
            return new Forces([]);
        var forces = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToArray();
        if (forces.Length > MaxForces)
            throw new InvalidOperationException($"{ForcesKey}: at most {MaxForces} forces per deployment");
        foreach (var force in forces.Where(f => !ForceId().IsMatch(f)))
            throw new InvalidOperationException(
                $"{ForcesKey}: '{force}' is not a force id (lower-case letters, digits and '-', 2 to 32 characters, starting with a letter)");
        return new Forces(forces);
    }

    /// <summary>The tenant a token's or message's force stands for, or null when this deployment does not serve it.</summary>
    public string? TenantFor(string? force)
    {
        if (!Enabled)
            return string.IsNullOrEmpty(force) ? SingleForce : null;
        return force is not null && Configured.Contains(force, StringComparer.Ordinal) ? force : null;
    }

    /// <summary>The database of <paramref name="baseDatabase"/> for <paramref name="tenant"/>: masip_police, masip_police_north.</summary>
    public static string DatabaseFor(string baseDatabase, string tenant) =>
        tenant == SingleForce ? baseDatabase : $"{baseDatabase}_{tenant.Replace('-', '_')}";

    /// <summary>Runs <paramref name="work"/> once for each force this deployment serves, acting for it.</summary>
    public async Task ForEachAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        foreach (var tenant in Tenants)
        {
            using var _ = Enter(tenant);
            await work(cancellationToken);
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{1,31}$")]
    private static partial Regex ForceId();

    public readonly struct Scope(string? previous) : IDisposable
    {
        public void Dispose() => CurrentForce.Value = previous;
    }
}

/// <summary>Sessions for the force being served.</summary>
public static class ForceSessions
{
    public static IQuerySession QueryForForce(this IDocumentStore store) => store.QuerySession(Forces.Current);

    public static IDocumentSession LightweightForForce(this IDocumentStore store) => store.LightweightSession(Forces.Current);

    public static async Task<Npgsql.NpgsqlConnection> ConnectionForForce(this IDocumentStore store, CancellationToken cancellationToken)
    {
        var database = await store.Storage.FindOrCreateDatabase(Forces.Current);
        return database.CreateConnection();
    }
}

/// <summary>The sessions a use case gets injected (IQuerySession, IDocumentSession): for the force being served.</summary>
public sealed class ForceSessionFactory(IDocumentStore store) : ISessionFactory
{
    public IQuerySession QuerySession() => store.QueryForForce();

    public IDocumentSession OpenSession() => store.LightweightForForce();
}
