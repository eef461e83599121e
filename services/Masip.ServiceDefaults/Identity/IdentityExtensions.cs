using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace Masip.ServiceDefaults.Identity;

public static class IdentityExtensions
{
    public const string AuthorityKey = "Masip:Identity:Authority";
    public const string AudienceKey = "Masip:Identity:Audience";
    public const string SigningKeyKey = "Masip:Identity:SigningKey";

    /// <summary>
    /// JWT bearer authentication on every gRPC call: an OIDC authority when configured;
    /// otherwise a symmetric signing key (the development key in Development). Calls without a
    /// valid token get Unauthenticated; the health endpoints stay open.
    /// </summary>
    public static WebApplicationBuilder AddMasipAuthentication(this WebApplicationBuilder builder)
    {
        // Refuse to start, rather than refuse every call later, when no identity provider is given.
        builder.Services.AddHostedService<IdentityStartupCheck>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IConfiguration, IHostEnvironment>((options, configuration, environment) =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = Caller.SubjectClaim;
                options.TokenValidationParameters.RoleClaimType = Caller.RoleClaim;
                var authority = configuration[AuthorityKey];
                if (!string.IsNullOrWhiteSpace(authority))
                {
                    options.Authority = authority;
                    options.Audience = configuration[AudienceKey] ?? DevelopmentTokens.Audience;
                    return;
                }
                var key = (string.IsNullOrWhiteSpace(configuration[SigningKeyKey]) ? null : configuration[SigningKeyKey])
                    ?? (environment.IsDevelopment() ? DevelopmentTokens.DevelopmentKey : null)
                    ?? throw new InvalidOperationException(
                        $"No identity provider: set {AuthorityKey} (OIDC) or {SigningKeyKey}. The development key is accepted only in Development.");
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = DevelopmentTokens.Issuer,
                    ValidAudience = configuration[AudienceKey] ?? DevelopmentTokens.Audience,
                    IssuerSigningKey = DevelopmentTokens.KeyFrom(key),
                    NameClaimType = Caller.SubjectClaim,
                    RoleClaimType = Caller.RoleClaim,
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }
}

/// <summary>Stops the service at start when it has no identity provider outside Development.</summary>
internal sealed class IdentityStartupCheck(IConfiguration configuration, IHostEnvironment environment) : Microsoft.Extensions.Hosting.IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(configuration[IdentityExtensions.AuthorityKey])
        && string.IsNullOrWhiteSpace(configuration[IdentityExtensions.SigningKeyKey]) && !environment.IsDevelopment()
            ? throw new InvalidOperationException(
                $"No identity provider: set {IdentityExtensions.AuthorityKey} (OIDC) or {IdentityExtensions.SigningKeyKey}. The development key is accepted only in Development.")
            : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
