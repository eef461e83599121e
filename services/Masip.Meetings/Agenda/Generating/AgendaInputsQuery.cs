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
        var earlier = await session.Query<Meeting>()
            .Where(m => m.Type == meeting.Type && m.Date < meeting.Date && m.Date >= earliest)
            .ToListAsync(ct);
        var onEarlier = earlier.SelectMany(m => m.Agenda.Select(i => i.ItemId)).ToHashSet();

        var actions = await session.Query<MeetingAction>()
            .Where(a => a.Open && a.MeetingType == meeting.Type && a.DueDate < meeting.Date)
            .ToListAsync(ct);
        var nominals = await session.Query<GriffinNominal>().Where(n => n.Current).ToListAsync(ct);

        // What partners shared about these perpetrators within the last year.
        var perpetrators = candidates.Where(c => c.PerpetratorId is not null).Select(c => c.PerpetratorId!.Value).ToHashSet();
        var yearAgo = end.AddDays(-365);
        var background = perpetrators.Count == 0 ? [] : (await session.Query<AgendaCandidate>()
            .Where(c => c.OccurredAt >= yearAgo && c.OccurredAt < end
                && (c.Type == ItemTypes.ProbationRecord || c.Type == ItemTypes.RiskSummary || c.Type == ItemTypes.Mappa || c.Type == ItemTypes.Intervention))
            .ToListAsync(ct)).Where(c => c.PerpetratorId is { } p && perpetrators.Contains(p)).ToList();

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
