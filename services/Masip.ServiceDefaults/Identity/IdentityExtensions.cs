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
                var key = configuration[SigningKeyKey]
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
