using Marten;

namespace Masip.Police.Restrictions;

public static class RestrictionsModule
{
    public static IServiceCollection AddRestrictedRecords(this IServiceCollection services)
    {
        services.ConfigureMarten(store => store.Schema.For<RestrictedAccessAlertDocument>().Index(a => a.Supervisor));
        services.AddScoped<RestrictedAccess>();
        return services;
    }
}
