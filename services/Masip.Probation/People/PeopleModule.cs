using JasperFx.Events.Projections;
using Marten;
using Marten.Schema;

namespace Masip.Probation.People;

/// <summary>People known to probation: their stream (an inline snapshot is the read model).</summary>
public static class PeopleModule
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Person>(SnapshotLifecycle.Inline);
            store.Schema.For<Person>()
                // A PNC id names one person: two registrations racing for one id meet this index,
                // and the command pipeline decides the loser again (it then sees the holder).
                .UniqueIndex(UniqueIndexType.Computed, p => p.PncId!)
                .Index(p => p.PerpetratorId)
                .Index(p => p.NameKey)
                // Columns the lists and the due scan order and page by (keyset: value, then id).
                .Duplicate(p => p.ExpectedRelease!)
                .Duplicate(p => p.ReleaseDueRaisedFor!)
                .Duplicate(p => p.MappaFlaggedAt!);
        });
        return services;
    }
}
