using Marten;
using Masip.Police.Cases;
using Masip.ServiceDefaults.Matching;
using Masip.ServiceDefaults.Persistence;

namespace Masip.Police.Persons;

/// <summary>
/// One id for a person across reports, whichever role they hold: the platform's name key
/// (NameKey: case, spacing, punctuation, accents, transliterations) with the date of birth where
/// the report gives one. Victims rarely come with a date of birth; a name alone only matches a
/// name alone, so a victim is found as a suspect elsewhere when both reports give the date.
/// </summary>
public static class PersonKeys
{
    public const string Victim = "victim";
    public const string Suspect = "suspect";

    public static string? Key(string name, DateOnly? dateOfBirth) =>
        NameKey.For(name) is not { Length: > 0 } key ? null : dateOfBirth is { } dob ? $"{key}|{dob:yyyy-MM-dd}" : key;

    public static Guid? IdFor(string? key) => key is null ? null : DeterministicId.For("person", key);
}

/// <summary>
/// Flags a person who is a victim in one report and a suspect in another, on both reports, in the
/// command that brought the second report in. What a view shows of the other role is decided by
/// the agreement (the flag and the other report's id are police.intelligence); the other report's
/// victim contact details are never copied: a view where the person is the suspect cannot show them.
/// </summary>
public static class PersonIndex
{
    public static async Task FlagOtherRoles(IDocumentSession session, IDictionary<Guid, StacCase> touched, DateTimeOffset now, CancellationToken ct)
    {
        var victimKeys = touched.Values.Select(c => c.VictimPersonKey).OfType<string>().Distinct().ToArray();
        var suspectKeys = touched.Values.Select(c => c.SuspectPersonKey).OfType<string>().Distinct().ToArray();
        if (victimKeys.Length == 0 && suspectKeys.Length == 0)
            return;
        var all = (await session.Query<StacCase>()
                .Where(c => c.SuspectPersonKey!.IsOneOf(victimKeys) || c.VictimPersonKey!.IsOneOf(suspectKeys))
                .ToListAsync(ct))
            .ToDictionary(c => c.Id);
        foreach (var (id, c) in touched)
            all[id] = c;
        var bySuspect = all.Values.Where(c => c.SuspectPersonKey is not null).ToLookup(c => c.SuspectPersonKey!);
        var byVictim = all.Values.Where(c => c.VictimPersonKey is not null).ToLookup(c => c.VictimPersonKey!);

        var pairs = new HashSet<(Guid VictimCase, Guid SuspectCase, string Key)>();
        foreach (var c in touched.Values)
        {
            if (c.VictimPersonKey is { } victim)
                foreach (var other in bySuspect[victim].Where(o => o.Id != c.Id))
                    pairs.Add((c.Id, other.Id, victim));
            if (c.SuspectPersonKey is { } suspect)
                foreach (var other in byVictim[suspect].Where(o => o.Id != c.Id))
                    pairs.Add((other.Id, c.Id, suspect));
        }
        foreach (var (victimCase, suspectCase, key) in pairs)
        {
            var person = PersonKeys.IdFor(key)!.Value;
            Flag(session, all, touched, new PersonInOtherRole(victimCase, person, PersonKeys.Victim, suspectCase, all[suspectCase].CrimeReference, now));
            Flag(session, all, touched, new PersonInOtherRole(suspectCase, person, PersonKeys.Suspect, victimCase, all[victimCase].CrimeReference, now));
        }
    }

    private static void Flag(IDocumentSession session, Dictionary<Guid, StacCase> all, IDictionary<Guid, StacCase> touched, PersonInOtherRole e)
    {
        var c = all[e.CaseId];
        if (c.OtherRoles.Any(o => o.Role == e.Role && o.OtherCaseId == e.OtherCaseId))
            return;
        session.Events.Append(e.CaseId, e);
        all[e.CaseId] = c.Apply(e);
        if (touched.ContainsKey(e.CaseId))
            touched[e.CaseId] = all[e.CaseId];
    }
}
