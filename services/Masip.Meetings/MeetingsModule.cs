using JasperFx.Events.Projections;
using Marten;
using Masip.Contracts.Messages;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.Meetings.Running;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Meetings;

/// <summary>Meetings: the meeting and action streams, the agenda candidates, the calendar, the decisions published.</summary>
public static class MeetingsModule
{
    public const string CalendarSection = "Masip:Meetings";

    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.ConfigureMarten(store =>
        {
            store.Projections.Snapshot<Meeting>(SnapshotLifecycle.Inline);
            store.Projections.Snapshot<MeetingAction>(SnapshotLifecycle.Inline);
            // Each meeting day's agenda item ids, by type and day: what later agendas leave out (issue 15).
            store.Projections.Snapshot<MeetingDayItems>(SnapshotLifecycle.Inline);
            store.Schema.For<MeetingDayItems>().Duplicate(d => d.Type).Duplicate(d => d.Day);
            // The agenda's inputs are index ranges (issue 15): the window by time; the s2A limits, the
            // referrals awaiting a decision and the partners' background by type (and perpetrator), never a year's scan.
            store.Schema.For<AgendaCandidate>().Index(c => c.OccurredAt).Index(c => c.OffenceDate!)
                .Duplicate(c => c.Type).Duplicate(c => c.PerpetratorId!);
            store.Schema.For<MeetingAction>().Index(a => a.OwnerAgency).Duplicate(a => a.DueOrder);
        });
        services.AddOptions<MeetingCalendar>().BindConfiguration(CalendarSection);
        services.AddSingleton(provider => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<MeetingCalendar>>().Value);
        // A Griffin meeting's decisions, and a nomination to Griffin from the DMM, are Griffin
        // business: police, probation and NHS only (GriffinDecisionRecordedV1 never goes to advocacy).
        services.PublishIntegrationEvent<DecisionRecorded>(e => e.MeetingType == MeetingTypes.Griffin || e.Kind == DecisionKinds.NominateToGriffin
            ? new GriffinDecisionRecordedV1(e.DecisionId, e.MeetingId, e.MeetingDate, e.ItemId, e.Kind, e.OwnerAgency, e.CaseId,
                e.PerpetratorId, e.CrimeReference, e.NewTier, e.Detail, e.DecidedBy, e.DecidedAt)
            : new MeetingDecisionRecordedV1(e.DecisionId, e.MeetingId, e.MeetingDate, e.ItemId, e.Kind, e.OwnerAgency, e.CaseId,
                e.PerpetratorId, e.CrimeReference, e.NewTier, e.Detail, e.DecidedBy, e.DecidedAt));
        services.AddActionMessages();
        return services;
    }
}
