using Masip.Contracts.Messages;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Identity;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings.Tests;

/// <summary>Synthetic meetings and messages for the Given steps.</summary>
internal static class Given
{
    public static readonly DateOnly Day = new(2026, 11, 25); // a Wednesday
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    public static readonly Guid MeetingId = Guid.Parse("0b7c1c52-59a8-4b0e-9f41-1d0c8f7e2a01");
    public static SharingAgreement Agreement { get; } = SharingAgreement.LoadFile(SharingExtensions.DefaultAgreementPath);

    /// <summary>The meeting chair, as the token names them.</summary>
    public static readonly Actor Chair = new("chair-001", "police", "meeting-chair");

    public static readonly Caller ChairCaller = new(Chair.Subject, Chair.Agency, Chair.Role);
    public static readonly Caller Advocate = new("advocate-001", "advocacy", "advocate");
    public static readonly Caller ProbationOfficer = new("probation-001", "probation", "probation-officer");

    /// <summary>A meeting whose agenda is built from these candidates.</summary>
    public static Meeting WithAgenda(IEnumerable<AgendaCandidate> candidates, string type = MeetingTypes.Dmm, IEnumerable<Guid>? nominals = null)
    {
        var meeting = Meeting(type);
        return meeting.Apply((AgendaGenerated)GenerateAgendaDecision.Decide(meeting, Inputs(candidates, nominals: nominals), Now)[0]);
    }

    public static Meeting Meeting(string type = MeetingTypes.Dmm, DateOnly? date = null, IReadOnlyList<AgendaItem>? agenda = null)
    {
        var meeting = Calendar.Meeting.Create(new MeetingScheduled(MeetingId, type, date ?? Day, "Chair Person 1",
            [new Attendee("police", "stac-officer", "Test Officer 1"), new Attendee("probation", "probation-officer", "Test Officer 2")], Chair.Subject, Now));
        return agenda is null ? meeting : meeting.Apply(new AgendaGenerated(MeetingId, 1, AgendaBuilder.Fingerprint(agenda), agenda, Now));
    }

    public static AgendaCandidate Candidate(object message, long? sequence = null) =>
        Candidates.From(message, Guid.NewGuid(), sequence) ?? throw new InvalidOperationException("not an agenda message");

    public static CaseTieredV1 Tiered(int tier, string risk, DateTimeOffset at, string offence = "s4A", Guid? perpetrator = null) =>
        new(Guid.NewGuid(), $"CRIS-{tier}-{Random.Shared.Next(1000, 9999)}", perpetrator ?? Guid.NewGuid(), offence, tier, risk, "synthetic review", at);

    public static NominalActivityV1 Activity(Guid perpetrator, DateTimeOffset at) =>
        new(Guid.NewGuid(), perpetrator, "stopped near the victim's address (synthetic)", "CRIS-9001", at);

    public static SpoEventV1 Breach(DateTimeOffset at) => new(Guid.NewGuid(), Guid.NewGuid(), "breached", "SPO breached by contact (synthetic)", at);

    public static AgendaInputs Inputs(IEnumerable<AgendaCandidate> candidates, IEnumerable<MeetingAction>? actions = null,
        IEnumerable<Guid>? nominals = null, IEnumerable<string>? earlier = null) =>
        new([.. candidates], (earlier ?? []).ToHashSet(), [.. actions ?? []], (nominals ?? []).ToHashSet());
}
