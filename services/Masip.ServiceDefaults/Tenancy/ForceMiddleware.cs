using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Masip.ServiceDefaults.Tenancy;

public static class ForceMiddleware
{
    /// <summary>
    /// Acts for the force in the caller's token for the rest of the request, so the sessions a use
    /// case is given open that force's database. A token whose force this deployment does not
    /// serve enters none: the sharing interceptor refuses the call (Unauthenticated).
    /// </summary>
    public static WebApplication UseMasipForces(this WebApplication app)
    {
        var forces = app.Services.GetRequiredService<Forces>();
        app.Use(async (context, next) =>
        {
            if (forces.TenantFor(context.User.FindFirst(Forces.Claim)?.Value) is { } tenant)
            {
                using var force = Forces.Enter(tenant);
                await next(context);
            }
            else
            {
                // Nothing of a force is reachable: a multi-force store refuses the default tenant.
                using var none = Forces.Enter(Forces.Unserved);
                await next(context);
            }
        });
        return app;
    }
}
