using Marten;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Calendar;

namespace Masip.Meetings.Agenda.Generating;

/// <summary>Loads what one meeting's agenda is built from: the candidates of its window and what they need.</summary>
public static class AgendaInputsQuery
{
    /// <summary>The id an s2A warning carries on an agenda; '' where a candidate has no case (never an id), so NOT IN keeps it.</summary>
    private const string S2aKey = "coalesce('s2a:' || (d.data ->> 'CaseId'), '')";

    public static async Task<AgendaInputs> Load(IQuerySession session, Meeting meeting, CancellationToken ct)
    {
        var start = AgendaBuilder.WindowStart(meeting.Date);
        var end = AgendaBuilder.WindowEnd(meeting.Date);
        var options = session.DocumentStore.Options;
        var schema = options.DatabaseSchemaName;
        var candidatesTable = options.FindOrResolveDocumentType(typeof(AgendaCandidate)).TableName.QualifiedName;
        var daysTable = options.FindOrResolveDocumentType(typeof(MeetingDayItems)).TableName.QualifiedName;
        var day = MeetingDayItems.DayOf(meeting.Date);
        var earliest = MeetingDayItems.DayOf(meeting.Date.AddDays(-AgendaBuilder.LookbackDays));

        // The item ids of the earlier agendas of this type within the lookback: small rows, one per
        // meeting day, indexed by type and day (MeetingDayItems), not the whole meeting documents.
        var placed = $"select distinct p.id from {daysTable} as m, jsonb_array_elements_text(m.data -> 'ItemIds') as p(id) "
            + "where m.type = ? and m.day < ? and m.day >= ?";
        var onEarlier = (await session.QueryAsync<string>(placed, ct, meeting.Type, day, earliest)).ToHashSet();
        var placedIds = onEarlier.Where(id => id is not null).ToArray();

        // Which candidates the agenda needs, chosen in the database (issue 15): the window's (index on
        // the time) that no earlier agenda carried, except referrals awaiting a decision, which stay on
        // every agenda until decided; the s2A cases whose first incident was about six months before
        // the meeting (their time limit is near, whenever they were tiered; a message without an
        // offence date counts from its tiering) whose warning no earlier agenda carried; and, for a
        // DMM, the referrals that arrived before the window and may still await a decision (issue
        // 18.5; the decided ones are dropped by the builder). Only their ids come back; the few
        // documents are then loaded whole. A candidate an earlier agenda carried would be dropped by
        // the builder anyway, so the agenda is the same as when the whole window was loaded.
        var offenceFrom = meeting.Date.AddMonths(-6).AddDays(-1);
        var offenceTo = meeting.Date.AddMonths(-6).AddDays(AgendaBuilder.S2AWarningDays + 1);
        var s2aFrom = new DateTimeOffset(offenceFrom.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var s2aTo = new DateTimeOffset(offenceTo.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var occurred = $"{schema}.mt_immutable_timestamptz(d.data ->> 'OccurredAt')";
        var offence = $"{schema}.mt_immutable_date(d.data ->> 'OffenceDate')";
        // The earlier agendas' ids go back as one array (already read above, not read twice), and each
        // test against them is NOT IN, which PostgreSQL answers by one hashed lookup per candidate; as
        // NOT EXISTS the planner, expecting a handful of candidates, chose a nested loop that compared
        // every s2A candidate with every placed id (300 x 1,730: 167 of the statement's 174 ms).
        var needed = "with placed as materialized (select unnest(?::text[]) as id) "
            + $"select d.id from {candidatesTable} as d where {occurred} >= ? and {occurred} < ? "
            + "and (d.type = ? or d.id not in (select id from placed)) "
            // The s2A limits in two branches, each an index range (offence date; tiering time), not one
            // OR that the planner can only answer by every newly tiered case of the type index.
            + $"union select d.id from {candidatesTable} as d where {offence} >= ? and {offence} < ? and d.type = ? and d.data ->> 'Offence' = 's2A' "
            + "and " + S2aKey + " not in (select id from placed) "
            + $"union select d.id from {candidatesTable} as d where {occurred} >= ? and {occurred} < ? and d.data ->> 'OffenceDate' is null "
            + "and d.type = ? and d.data ->> 'Offence' = 's2A' "
            + "and " + S2aKey + " not in (select id from placed)"
            + (meeting.Type == MeetingTypes.Dmm ? $" union select d.id from {candidatesTable} as d where d.type = ? and {occurred} < ?" : "");
        object[] parameters = meeting.Type == MeetingTypes.Dmm
            ? [placedIds, start, end, ItemTypes.ReferralAwaitingDecision, offenceFrom, offenceTo, ItemTypes.NewlyTiered,
                s2aFrom, s2aTo, ItemTypes.NewlyTiered, ItemTypes.ReferralAwaitingDecision, start]
            : [placedIds, start, end, ItemTypes.ReferralAwaitingDecision, offenceFrom, offenceTo, ItemTypes.NewlyTiered,
                s2aFrom, s2aTo, ItemTypes.NewlyTiered];
        var ids = await session.QueryAsync<string>(needed, ct, parameters);
        var candidates = ids.Count == 0 ? [] : (await session.LoadManyAsync<AgendaCandidate>(ct, ids)).ToList();

        var actions = await session.Query<MeetingAction>()
            .Where(a => a.Open && a.MeetingType == meeting.Type && a.DueDate < meeting.Date)
            .ToListAsync(ct);
        // Their ids only (the Griffin agenda's filter): not 300 whole documents.
        var nominals = await session.Query<GriffinNominal>().Where(n => n.Current).Select(n => n.Id).ToListAsync(ct);

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
        return new AgendaInputs(candidates, onEarlier, actions, nominals.ToHashSet())
        {
            Background = background,
            DecidedReferrals = decided.ToDictionary(d => d.Id, d => d.DecidedAt),
        };
    }
}
