using Masip.Probation.People;
using Masip.Probation.Psr;

namespace Masip.Probation.Tests;

/// <summary>Synthetic people and consultations built from their events, as Marten would.</summary>
internal static class Given
{
    // A Wednesday.
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);
    public static readonly Guid PersonId = Guid.Parse("11111111-2222-4333-8444-555555555555");
    public static readonly Guid PerpetratorId = Guid.Parse("aaaaaaaa-2222-4333-8444-555555555555");
    public static readonly Guid ConsultationId = Guid.Parse("cccccccc-2222-4333-8444-555555555555");

    public static Person Person(Guid? perpetratorId = null, string? pnc = "99/123456X") =>
        Masip.Probation.People.Person.Create(new PersonRegistered(PersonId, "Test Person 12", new DateOnly(1990, 1, 2), pnc, perpetratorId, Now.AddDays(-100)));

    public static Person With(this Person person, params object[] events) => Masip.Probation.People.Person.Fold(person, events)!;

    public static PsrConsultation Consultation(DateOnly due, Guid? perpetratorId = null) =>
        PsrConsultation.Create(new PsrConsultationRequested(ConsultationId, PersonId, perpetratorId, "Test Magistrates' Court",
            due.AddDays(7), due, "s4A", "writer-001", RequesterRole.CourtReportWriter, Today, Now));

    public static PsrConsultation With(this PsrConsultation consultation, params object[] events)
    {
        foreach (var e in events)
            consultation = e switch
            {
                StacInputRecorded x => consultation.Apply(x),
                PsrConsultationSubmitted x => consultation.Apply(x),
                PsrConsultationWithdrawn x => consultation.Apply(x),
                PsrDueAlertRaised x => consultation.Apply(x),
                _ => throw new ArgumentException($"no Apply for {e.GetType().Name}"),
            };
        return consultation;
    }

    public static StacInputRecorded Input(params string[] requirements) =>
        new(ConsultationId, "MG5, previous convictions", "two prior harassment matters", "fixated, escalating", requirements, "po-001", Now);
}
