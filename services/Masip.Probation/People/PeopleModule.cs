using JasperFx.Events.Projections;
using Marten;

namespace Masip.Probation.People;

/// <summary>People known to probation: their stream (an inline snapshot is the read model) and commands.</summary>
public static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Person>(SnapshotLifecycle.Inline);
            store.Schema.For<Person>().Index(p => p.PncId).Index(p => p.PerpetratorId).Index(p => p.NameKey);
        });
        services.AddScoped<PersonCommands>();
        return services;
    }
}
