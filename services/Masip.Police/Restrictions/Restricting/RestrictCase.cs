using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;

namespace Masip.Police.Restrictions.Restricting;

public sealed record RestrictCase(Guid CaseId, IReadOnlyList<string> AccessList, string Reason);

public static class RestrictCaseDecision
{
    /// <summary>
    /// The supervisor (the actor) restricts the case to the named officers; the same list again
    /// changes nothing, another list replaces it (every restriction stays in the stream).
    /// </summary>
    public static IReadOnlyList<object> Decide(StacCase current, RestrictCase command, Actor actor, DateTimeOffset now)
    {
        var list = command.AccessList.Distinct().Order(StringComparer.Ordinal).ToList();
        if (current.Restriction is { } r && r.RestrictedBy == actor.Subject && r.AccessList.SequenceEqual(list) && r.Reason == command.Reason)
            return [];
        return [new CaseRestricted(current.Id, list, command.Reason, actor.Subject, now)];
    }
}
