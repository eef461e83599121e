using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Masip.ServiceDefaults.Identity;

/// <summary>
/// Tokens for local runs and tests, signed with a development key that every service accepts
/// only in the Development environment (or when Masip:Identity:SigningKey names a key).
/// Real deployments point Masip:Identity:Authority at their OIDC provider instead.
/// </summary>
public static class DevelopmentTokens
{
    public const string Issuer = "masip-development";
    public const string Audience = "masip";

    // Not a secret: a published development key, refused outside Development unless configured.
    public const string DevelopmentKey = "masip-development-signing-key-not-for-production-use-0001";

    public static SymmetricSecurityKey KeyFrom(string secret) => new(Encoding.UTF8.GetBytes(secret));

    /// <summary>A token for <paramref name="subject"/>; <paramref name="force"/> names the force it acts for in a deployment that serves several.</summary>
    public static string Mint(string subject, string agency, string role, TimeSpan? lifetime = null, string? signingKey = null, string? force = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now.AddSeconds(-5),
            Expires = now + (lifetime ?? TimeSpan.FromHours(8)),
            Subject = new ClaimsIdentity(
            [
                new Claim(Caller.SubjectClaim, subject),
                new Claim(Caller.AgencyClaim, agency),
                new Claim(Caller.RoleClaim, role),
                .. force is null ? Array.Empty<Claim>() : [new Claim(Tenancy.Forces.Claim, force)],
            ]),
            SigningCredentials = new SigningCredentials(KeyFrom(signingKey ?? DevelopmentKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
