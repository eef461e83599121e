using System.Security.Claims;
using Masip.ServiceDefaults.Identity;
using Masip.Web.Components;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace Masip.Web;

/// <summary>
/// The web console's host: cookie sign-in (a synthetic user in Development, OIDC in production),
/// server-rendered Razor components, and the gRPC channels to the services. Tests build the same
/// host and replace <see cref="ServiceChannels"/> with channels to in-process services.
/// </summary>
public static class WebConsole
{
    /// <summary>The claim that carries the bearer token the console forwards to the services.</summary>
    public const string TokenClaim = "masip_token";
    public const string AgencyClaim = "masip_agency";
    public const string RoleClaim = "masip_role";

    public static WebApplicationBuilder CreateBuilder(string[] args, WebApplicationOptions? options = null)
    {
        var builder = WebApplication.CreateBuilder(options ?? new WebApplicationOptions { Args = args, ApplicationName = typeof(WebConsole).Assembly.GetName().Name });
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton(sp => ServiceChannels.FromConfiguration(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddScoped<AccessReasons>();
        builder.Services.AddScoped<MasipApi>();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorization();
        var auth = builder.Services.AddAuthentication(o =>
        {
            o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.DefaultChallengeScheme = development ? CookieAuthenticationDefaults.AuthenticationScheme : OpenIdConnectDefaults.AuthenticationScheme;
        }).AddCookie(o =>
        {
            o.LoginPath = "/signin";
            o.AccessDeniedPath = "/";
            o.Cookie.Name = "masip-console";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
        });
        if (!development)
        {
            // Production: the agency's OIDC provider signs the user in; its access token (which the
            // services validate against Masip:Identity:Authority) is what the console forwards.
            auth.AddOpenIdConnect(o =>
            {
                builder.Configuration.GetSection("Masip:Oidc").Bind(o);
                o.ResponseType = "code";
                o.UsePkce = true;
                o.SaveTokens = true;
                o.GetClaimsFromUserInfoEndpoint = true;
                o.Scope.Add("openid");
                o.Scope.Add("profile");
                o.Events.OnTokenValidated = context =>
                {
                    var identity = (ClaimsIdentity)context.Principal!.Identity!;
                    var access = context.TokenEndpointResponse?.AccessToken;
                    if (string.IsNullOrEmpty(access))
                    {
                        context.Fail("the identity provider returned no access token");
                        return Task.CompletedTask;
                    }
                    identity.AddClaim(new Claim(TokenClaim, access));
                    if (identity.FindFirst(Caller.AgencyClaim) is { } agency)
                        identity.AddClaim(new Claim(AgencyClaim, agency.Value));
                    if (identity.FindFirst(Caller.RoleClaim) is { } role)
                        identity.AddClaim(new Claim(RoleClaim, role.Value));
                    return Task.CompletedTask;
                };
            });
        }
        builder.Services.AddRazorComponents();
        return builder;
    }

    public static WebApplication Build(WebApplicationBuilder builder)
    {
        var app = builder.Build();
        if (!app.Environment.IsDevelopment())
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.Use(async (context, next) =>
        {
            // Pages carry personal data: never cache them, never frame them.
            context.Response.Headers.CacheControl = "no-cache, no-store";
            context.Response.Headers.Pragma = "no-cache";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers["X-Content-Type-Options"] = "nosniff";
            context.Response.Headers["Referrer-Policy"] = "no-referrer";
            await next();
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapGet("/health", () => Results.Ok("ok")).AllowAnonymous();
        app.MapPost("/signout", async (HttpContext context) =>
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            context.Response.Cookies.Delete(AccessReasons.Cookie, AccessReasons.Options(context));
            return Results.LocalRedirect("/signin");
        });
        app.MapRazorComponents<App>();
        return app;
    }

    /// <summary>Signs a synthetic user in (Development only): a development token minted for the agency and role.</summary>
    public static async Task SignInDevelopmentUserAsync(HttpContext context, SyntheticUser user)
    {
        var token = DevelopmentTokens.Mint(user.Subject, user.Agency, user.Role, TimeSpan.FromHours(8));
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, user.Subject),
            new Claim(TokenClaim, token),
            new Claim(AgencyClaim, user.Agency),
            new Claim(RoleClaim, user.Role),
        ], CookieAuthenticationDefaults.AuthenticationScheme);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
    }
}

/// <summary>A synthetic practitioner for the development sign-in page.</summary>
public sealed record SyntheticUser(string Subject, string Agency, string Role, string Label)
{
    public static readonly IReadOnlyList<SyntheticUser> All =
    [
        new("dev-police-stac-officer", "police", "stac-officer", "STAC officer (police)"),
        new("dev-police-meeting-chair", "police", "meeting-chair", "Meeting chair (police)"),
        new("dev-advocacy-advocate", "advocacy", "advocate", "Advocate (advocacy)"),
        new("dev-nhs-clinician", "nhs", "clinician", "Clinician (NHS)"),
        new("dev-probation-probation-officer", "probation", "probation-officer", "Probation officer (probation)"),
        new("dev-police-auditor", "police", "auditor", "Auditor (police)"),
    ];
}
