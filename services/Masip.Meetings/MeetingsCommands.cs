using Marten;
using Masip.Meetings.Actions;
using Masip.Meetings.Actions.Assigning;
using Masip.Meetings.Actions.Completing;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.Meetings.Calendar.Scheduling;
using Masip.Meetings.Running;

namespace Masip.Meetings;

/// <summary>
/// The handlers: load the stream, decide, append, save (optimistic concurrency). One class for
/// the meeting's commands, as they all share the meeting stream.
/// </summary>
public sealed class MeetingsCommands(IDocumentStore store, TimeProvider clock, MeetingCalendar calendar)
{
    public Task<Meeting> Schedule(ScheduleMeeting command, CancellationToken ct) =>
        OnMeeting(command.MeetingId, m => ScheduleMeetingDecision.Decide(m, command, calendar, clock.GetUtcNow()), ct);

    public Task<Meeting> AddAttendee(AddAttendee command, CancellationToken ct) =>
        OnMeeting(command.MeetingId, m => AddAttendeeDecision.Decide(m, command, clock.GetUtcNow()), ct);

    public Task<Meeting> RecordAttendance(RecordAttendance command, CancellationToken ct) =>
        OnMeeting(command.MeetingId, m => RunningDecisions.Decide(m, command, clock.GetUtcNow()), ct);

    public Task<Meeting> RecordDiscussion(RecordDiscussion command, CancellationToken ct) =>
        OnMeeting(command.MeetingId, m => RunningDecisions.Decide(m, command, clock.GetUtcNow()), ct);

    public Task<Meeting> RecordDecision(RecordDecision command, CancellationToken ct) =>
        OnMeeting(command.MeetingId, m => RunningDecisions.Decide(m, command, clock.GetUtcNow()), ct);

    public async Task<Meeting> GenerateAgenda(Guid meetingId, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Meeting>(meetingId, ct);
        var meeting = stream.Aggregate ?? throw new ServiceDefaults.Errors.RecordNotFoundException("meeting_id", $"no meeting {meetingId}");
        var inputs = await LoadInputs(session, meeting, ct);
        var events = GenerateAgendaDecision.Decide(meeting, meetingId, inputs, clock.GetUtcNow());
        if (events.Count == 0)
            return meeting;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<Meeting>(meetingId, ct) ?? throw new InvalidOperationException("The meeting was saved but its read model is missing.");
    }

    public static async Task<AgendaInputs> LoadInputs(IQuerySession session, Meeting meeting, CancellationToken ct)
    {
        var start = AgendaBuilder.WindowStart(meeting.Date);
        var end = AgendaBuilder.WindowEnd(meeting.Date);
        var candidates = (await session.Query<AgendaCandidate>()
            .Where(c => c.OccurredAt >= start && c.OccurredAt < end)
            .ToListAsync(ct)).ToList();

        // s2A cases tiered about six months before the meeting (their time limit is near).
        var s2aFrom = new DateTimeOffset(meeting.Date.AddMonths(-6).AddDays(-1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var s2aTo = new DateTimeOffset(meeting.Date.AddMonths(-6).AddDays(AgendaBuilder.S2AWarningDays + 1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var s2a = await session.Query<AgendaCandidate>()
            .Where(c => c.Type == ItemTypes.NewlyTiered && c.Offence == "s2A" && c.OccurredAt >= s2aFrom && c.OccurredAt < s2aTo)
            .ToListAsync(ct);
        candidates.AddRange(s2a.Where(c => candidates.All(x => x.Id != c.Id)));

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

    public async Task<MeetingAction> AssignAction(AssignAction command, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var meeting = await session.LoadAsync<Meeting>(command.MeetingId, ct);
        var stream = await session.Events.FetchForWriting<MeetingAction>(command.ActionId, ct);
        var events = AssignActionDecision.Decide(stream.Aggregate, meeting, command, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<MeetingAction>(command.ActionId, ct) ?? throw new InvalidOperationException("The action was saved but its read model is missing.");
    }

    public async Task<MeetingAction> CompleteAction(CompleteAction command, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<MeetingAction>(command.ActionId, ct);
        var events = CompleteActionDecision.Decide(stream.Aggregate, command, clock.GetUtcNow());
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<MeetingAction>(command.ActionId, ct) ?? throw new InvalidOperationException("The action was saved but its read model is missing.");
    }

    private async Task<Meeting> OnMeeting(Guid meetingId, Func<Meeting?, IReadOnlyList<object>> decide, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Meeting>(meetingId, ct);
        var events = decide(stream.Aggregate);
        if (events.Count == 0)
            return stream.Aggregate!;
        stream.AppendMany(events);
        await session.SaveChangesAsync(ct);
        return await session.LoadAsync<Meeting>(meetingId, ct) ?? throw new InvalidOperationException("The meeting was saved but its read model is missing.");
    }
}
