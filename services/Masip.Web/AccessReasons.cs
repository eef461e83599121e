using System.Text.Json;
using Grpc.Core;
using Masip.ServiceDefaults.Caseload;
using Microsoft.AspNetCore.DataProtection;

namespace Masip.Web;

/// <summary>
/// "Why are you looking?" for a record on another practitioner's caseload (README "Data protection",
/// access reasons). A single-record read the service refuses with FailedPrecondition naming
/// x-masip-access-reason shows the reason form; the reason given is then sent with the reads of
/// that one record (service, kind, id) for the rest of the browser session, at most
/// <see cref="Lifetime"/>, by the user who gave it: an encrypted, HTTP-only session cookie that
/// sign-out deletes. Each read is audited with it, so the audit shows the reason for every view
/// of the record in that session; another record needs its own reason. Per request (scoped).
/// </summary>
public sealed class AccessReasons(IHttpContextAccessor http, IDataProtectionProvider protection)
{
    public const string Cookie = "masip-access-reasons";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);
    /// <summary>The most records remembered at once (the oldest go first).</summary>
    public const int MaxRecords = 20;

    private readonly IDataProtector _protector = protection.CreateProtector("Masip.Web.AccessReasons");
    private List<Entry>? _entries;

    private sealed record Entry(string User, string Service, string Kind, string Id, string Reason, DateTimeOffset At);

    /// <summary>True when the service refused a read for want of an access reason.</summary>
    public static bool Needed(RpcException e) =>
        e.StatusCode == StatusCode.FailedPrecondition && e.Status.Detail.StartsWith(AccessReason.Header, StringComparison.Ordinal);

    /// <summary>The reason this user gave for this record in this session, null when none (or it expired).</summary>
    public string? For(string service, string kind, string id)
    {
        var user = User;
        return Entries().LastOrDefault(e => e.User == user && e.Service == service && e.Kind == kind && e.Id == id)?.Reason;
    }

    /// <summary>
    /// Checks a reason as the service does (a listed code; text at most 300 characters, one line) and
    /// remembers it for the record. Returns the problem to show, or null when remembered.
    /// </summary>
    public string? Remember(string service, string kind, string id, string code, string text)
    {
        text = text.Trim();
        if (!AccessReason.Codes.Contains(code))
            return $"Reason: choose one of {string.Join(", ", AccessReason.Codes)}.";
        if (text.Length > AccessReason.MaxTextLength)
            return $"Reason text: at most {AccessReason.MaxTextLength} characters.";
        if (text.Any(char.IsControl))
            return "Reason text: one line.";
        var user = User;
        var entries = Entries();
        entries.RemoveAll(e => e.User != user || e.Service == service && e.Kind == kind && e.Id == id);
        entries.Add(new Entry(user, service, kind, id, text.Length == 0 ? code : $"{code}: {text}", DateTimeOffset.UtcNow));
        if (entries.Count > MaxRecords)
            entries.RemoveRange(0, entries.Count - MaxRecords);
        var context = http.HttpContext ?? throw new InvalidOperationException("no request");
        context.Response.Cookies.Append(Cookie, _protector.Protect(JsonSerializer.Serialize(entries)), Options(context));
        return null;
    }

    public static CookieOptions Options(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    private string User => http.HttpContext?.User.Identity?.Name ?? "";

    private List<Entry> Entries()
    {
        if (_entries is not null)
            return _entries;
        _entries = [];
        if (http.HttpContext?.Request.Cookies[Cookie] is { Length: > 0 } raw)
        {
            try
            {
                var cutoff = DateTimeOffset.UtcNow - Lifetime;
                _entries = JsonSerializer.Deserialize<List<Entry>>(_protector.Unprotect(raw))?.Where(e => e.At > cutoff).ToList() ?? [];
            }
            catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
            {
                // A cookie from another key ring or tampered with: no reasons remembered.
            }
        }
        return _entries;
    }
}
