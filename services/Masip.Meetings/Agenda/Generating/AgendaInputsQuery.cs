using System.Globalization;
using Marten;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Calendar;

namespace Masip.Meetings.Agenda.Generating;

/// <summary>Loads what one meeting's agenda is built from: the candidates of its window and what they need.</summary>
public static class AgendaInputsQuery
{
    public static async Task<AgendaInputs> Load(IQuerySession session, Meeting meeting, CancellationToken ct)
    {
        var start = AgendaBuilder.WindowStart(meeting.Date);
        var end = AgendaBuilder.WindowEnd(meeting.Date);
        var candidates = (await session.Query<AgendaCandidate>()
            .Where(c => c.OccurredAt >= start && c.OccurredAt < end)
            .ToListAsync(ct)).ToList();

        // s2A cases whose first incident was about six months before the meeting (their time limit
        // is near), whenever they were tiered; a message without an offence date counts from its tiering.
        var offenceFrom = meeting.Date.AddMonths(-6).AddDays(-1);
        var offenceTo = meeting.Date.AddMonths(-6).AddDays(AgendaBuilder.S2AWarningDays + 1);
        var s2aFrom = new DateTimeOffset(offenceFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var s2aTo = new DateTimeOffset(offenceTo.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var s2a = await session.Query<AgendaCandidate>()
            .Where(c => c.Type == ItemTypes.NewlyTiered && c.Offence == "s2A"
                && (c.OffenceDate != null && c.OffenceDate >= offenceFrom && c.OffenceDate < offenceTo
                    || c.OffenceDate == null && c.OccurredAt >= s2aFrom && c.OccurredAt < s2aTo))
            .ToListAsync(ct);
        var inWindow = candidates.Select(c => c.Id).ToHashSet();
        candidates.AddRange(s2a.Where(c => !inWindow.Contains(c.Id)));
        // Referrals that arrived before the window and may still await a decision: they stay on
        // every DMM until decided (issue 18.5); the decided ones are dropped below.
        if (meeting.Type == MeetingTypes.Dmm)
            candidates.AddRange(await session.Query<AgendaCandidate>()
                .Where(c => c.Type == ItemTypes.ReferralAwaitingDecision && c.OccurredAt < start)
                .ToListAsync(ct));

        var earliest = meeting.Date.AddDays(-AgendaBuilder.LookbackDays);
        // Only the item ids of the earlier agendas, taken out in the database: a meeting document
        // holds its whole agenda, attendance and minutes, and four weeks of them were the bulk of
        // the inputs' time (issue 15). Dates are ISO text, so text order is date order.
        var onEarlier = (await session.QueryAsync<string>(
                $"select distinct item ->> 'ItemId' from {session.DocumentStore.Options.FindOrResolveDocumentType(typeof(Meeting)).TableName.QualifiedName} as d, "
                + "jsonb_array_elements(d.data -> 'Agenda') as item "
                + "where d.data ->> 'Type' = ? and d.data ->> 'Date' < ? and d.data ->> 'Date' >= ?",
                ct, meeting.Type, meeting.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))
            .ToHashSet();

        var actions = await session.Query<MeetingAction>()
            .Where(a => a.Open && a.MeetingType == meeting.Type && a.DueDate < meeting.Date)
            .ToListAsync(ct);
        var nominals = await session.Query<GriffinNominal>().Where(n => n.Current).ToListAsync(ct);

        // What partners shared about these perpetrators within the last year.
        var perpetrators = candidates.Where(c => c.PerpetratorId is not null).Select(c => c.PerpetratorId!.Value).ToHashSet();
        var yearAgo = end.AddDays(-365);
        // Asked for these perpetrators alone (an index on the perpetrator), not a year of every perpetrator's background.
        var wanted = perpetrators.Select(p => (Guid?)p).ToArray();
        var backgroundTypes = new[] { ItemTypes.ProbationRecord, ItemTypes.RiskSummary, ItemTypes.Mappa, ItemTypes.Intervention };
        var background = perpetrators.Count == 0 ? [] : (await session.Query<AgendaCandidate>()
            .Where(c => c.PerpetratorId.IsOneOf(wanted) && c.Type.IsOneOf(backgroundTypes) && c.OccurredAt >= yearAgo && c.OccurredAt < end)
            .ToListAsync(ct)).ToList();

        // Referrals awaiting a decision that have since been decided.
        var pending = candidates.Where(c => c.Type == ItemTypes.ReferralAwaitingDecision && c.ReferralId is not null)
            .Select(c => c.ReferralId!.Value).Distinct().ToList();
        var decided = pending.Count == 0 ? [] : await session.LoadManyAsync<DecidedReferral>(ct, pending);
        return new AgendaInputs(candidates, onEarlier, actions, nominals.Select(n => n.Id).ToHashSet())
        {
            Background = background,
            DecidedReferrals = decided.ToDictionary(d => d.Id, d => d.DecidedAt),
        };
    }
}
