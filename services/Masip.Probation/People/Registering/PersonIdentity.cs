using Marten;
using JasperFx.Events;
using Masip.Probation.Mappa.Flagging;
using Masip.ServiceDefaults.Commands;

namespace Masip.Probation.People.Registering;

/// <summary>What registering and updating a person read and write besides the decision itself.</summary>
internal static class PersonIdentity
{
    /// <summary>
    /// Who else holds this PNC id (null: nobody), read in the command's transaction. A writer that
    /// claims the id between this read and the commit meets the unique index, and the pipeline
    /// decides again, when this read finds it.
    /// </summary>
    public static async Task<Guid?> PncHolder(CommandScope scope, Guid personId, string? pncId)
    {
        if (PersonMatching.Pnc(pncId) is not { } pnc)
            return null;
        var holder = await scope.Session.Query<Person>()
            .Where(p => p.PncId == pnc && p.Id != personId)
            .FirstOrDefaultAsync(scope.Cancellation);
        return holder?.Id;
    }

    /// <summary>
    /// Appends a change of identity; a person who now carries the police id of a perpetrator with
    /// a Tier 3 case needs a MAPPA consideration, so the flag is decided with it.
    /// </summary>
    public static async Task Append(CommandScope scope, IEventStream<Person> stream, IReadOnlyList<object> events)
    {
        if (events.Count == 0)
            return;
        var after = Person.Fold(stream.Aggregate, events);
        stream.AppendMany([.. events, .. await TieredCases.FlagIfTier3(scope.Session, after, scope.Now, scope.Cancellation)]);
    }
}
