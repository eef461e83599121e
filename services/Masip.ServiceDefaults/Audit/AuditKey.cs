using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Masip.ServiceDefaults.Audit;

/// <summary>
/// The key the disclosure audit is MACed with (HMAC-SHA256). It comes from configuration
/// (Masip:Audit:Key: a secret of at least 32 characters, from a secret store), never from the
/// database, so someone who can write to the database cannot rewrite the audit and recompute its
/// hashes. A published development key is used only in Development.
/// </summary>
public sealed class AuditKey
{
    public const string ConfigurationKey = "Masip:Audit:Key";
    private const string DevelopmentKey = "masip-development-audit-key-not-for-production-use-0001";

    private readonly byte[] _key;

    public AuditKey(string secret)
    {
        if (secret.Length < 32)
            throw new InvalidOperationException($"{ConfigurationKey} must be at least 32 characters.");
        _key = Encoding.UTF8.GetBytes(secret);
    }

    public static AuditKey From(IConfiguration configuration, IHostEnvironment environment) =>
        new(configuration[ConfigurationKey] is { Length: > 0 } configured
            ? configured
            : environment.IsDevelopment()
                ? DevelopmentKey
                : throw new InvalidOperationException(
                    $"No audit key: set {ConfigurationKey} (a secret of at least 32 characters). The development key is used only in Development."));

    public string Mac(string text) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));

    public bool Verify(string text, string mac) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Mac(text)), Encoding.ASCII.GetBytes(mac ?? ""));
}

/// <summary>Resolves the audit key at start, so a missing key stops the service before any call.</summary>
internal sealed class AuditKeyStartupCheck(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<AuditKey>(services);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
