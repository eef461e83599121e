using Masip.Contracts.Messages;
using Masip.Meetings.Actions;
using Masip.Meetings.Agenda;
using Masip.Meetings.Agenda.Candidates;
using Masip.Meetings.Agenda.Generating;
using Masip.Meetings.Calendar;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Meetings.Tests;

/// <summary>Synthetic meetings and messages for the Given steps.</summary>
internal static class Given
{
    public static readonly DateOnly Day = new(2026, 11, 25); // a Wednesday
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
    public static readonly Guid MeetingId = Guid.Parse("0b7c1c52-59a8-4b0e-9f41-1d0c8f7e2a01");
    public static SharingAgreement Agreement { get; } = SharingAgreement.LoadFile(SharingExtensions.DefaultAgreementPath);

    public static Meeting Meeting(string type = MeetingTypes.Dmm, DateOnly? date = null, IReadOnlyList<AgendaItem>? agenda = null)
    {
        var meeting = Calendar.Meeting.Create(new MeetingScheduled(MeetingId, type, date ?? Day, "Chair Person 1",
            [new Attendee("police", "stac-officer", "Test Officer 1"), new Attendee("probation", "probation-officer", "Test Officer 2")], Now));
        return agenda is null ? meeting : meeting.Apply(new AgendaGenerated(MeetingId, 1, AgendaBuilder.Fingerprint(agenda), agenda, Now));
    }

    public static AgendaCandidate Candidate(object message, DateTimeOffset? _ = null) =>
        Candidates.From(message, Guid.NewGuid()) ?? throw new InvalidOperationException("not an agenda message");

    public static CaseTieredV1 Tiered(int tier, string risk, DateTimeOffset at, string offence = "s4A", Guid? perpetrator = null) =>
        new(Guid.NewGuid(), $"CRIS-{tier}-{Random.Shared.Next(1000, 9999)}", perpetrator ?? Guid.NewGuid(), offence, tier, risk, "synthetic review", at);

    public static NominalActivityV1 Activity(Guid perpetrator, DateTimeOffset at) =>
        new(Guid.NewGuid(), perpetrator, "stopped near the victim's address (synthetic)", "CRIS-9001", at);

    public static SpoEventV1 Breach(DateTimeOffset at) => new(Guid.NewGuid(), Guid.NewGuid(), "breached", "SPO breached by contact (synthetic)", at);

    public static AgendaInputs Inputs(IEnumerable<AgendaCandidate> candidates, IEnumerable<MeetingAction>? actions = null,
        IEnumerable<Guid>? nominals = null, IEnumerable<string>? earlier = null) =>
        new([.. candidates], (earlier ?? []).ToHashSet(), [.. actions ?? []], (nominals ?? []).ToHashSet());
}
