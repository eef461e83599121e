using Masip.ServiceDefaults.Identity;

namespace Masip.ServiceDefaults.Commands;

/// <summary>
/// Who acted: the token's subject, agency and role for a call; the receiving service for a
/// consumed message or a scheduled scan. Never taken from a request body (DESIGN.md "Identity").
/// Every event a command appends carries it (Marten's user name and the actor headers).
/// </summary>
public sealed record Actor(string Subject, string Agency, string Role)
{
    public const string AgencyHeader = "actor-agency";
    public const string RoleHeader = "actor-role";

    public static Actor From(Caller caller) => new(caller.Subject, caller.Agency, caller.Role);

    /// <summary>This service acting on its own: a consumed message or a scan (the "service" role of its agency).</summary>
    public static Actor Service(string service, string activity) => new($"{service}:{activity}", service, "service");

    public string RoleKey => $"{Agency}/{Role}";
}
