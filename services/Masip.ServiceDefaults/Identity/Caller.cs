using System.Security.Claims;

namespace Masip.ServiceDefaults.Identity;

/// <summary>Who is calling, from the bearer token: sub, agency and role (DESIGN.md "Identity").</summary>
public sealed record Caller(string Subject, string Agency, string Role)
{
    public const string SubjectClaim = "sub";
    public const string AgencyClaim = "agency";
    public const string RoleClaim = "role";

    /// <summary>"police/stac-officer": the form the agreement and the method options use.</summary>
    public string RoleKey => $"{Agency}/{Role}";

    public static Caller? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
            return null;
        var subject = principal.FindFirst(SubjectClaim)?.Value;
        var agency = principal.FindFirst(AgencyClaim)?.Value;
        var role = principal.FindFirst(RoleClaim)?.Value;
        return string.IsNullOrWhiteSpace(subject) || string.IsNullOrWhiteSpace(agency) || string.IsNullOrWhiteSpace(role)
            ? null
            : new Caller(subject, agency, role);
    }
}
