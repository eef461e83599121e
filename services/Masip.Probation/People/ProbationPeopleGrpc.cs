using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;
using ProtoCustody = Masip.Contracts.Probation.Custody;
using ProtoLicenceCondition = Masip.Contracts.Probation.LicenceCondition;

namespace Masip.Probation.People;

/// <summary>People known to probation; each command's endpoint lives beside its use case (Registering/..., Supervising/..., Custody/...).</summary>
public sealed partial class ProbationPeopleGrpc(CommandPipeline pipeline, IQuerySession query) : ProbationPeople.ProbationPeopleBase
{
    public override async Task<PersonReply> GetPerson(GetPersonRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.PersonId, "person_id");
        var person = await query.LoadAsync<Person>(id, context.CancellationToken) ?? throw NotFound.For<Person>("person_id", id);
        return ToReply(person);
    }

    public static Guid? OptionalId(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Require.Id(value, field);

    public static DateOnly? OptionalDate(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Require.Date(value, field);

    public static MappaStatus MappaReply(Person person) => new()
    {
        Considered = person.Mappa.Considered,
        Category = person.Mappa.Category ?? 0,
        Level = person.Mappa.Level ?? 0,
        Referral = Wire.Name(Wire.MappaReferrals, person.Mappa.Referral),
        NextReview = person.Mappa.NextReview is { } review ? Formats.Date(review) : "",
        FlaggedCaseId = person.MappaFlaggedCaseId?.ToString() ?? "",
    };

    private static PersonReply ToReply(Person person)
    {
        var reply = new PersonReply
        {
            PersonId = person.Id.ToString(),
            Name = person.Name,
            DateOfBirth = Formats.Date(person.DateOfBirth),
            PncId = person.PncId ?? "",
            PerpetratorId = person.PerpetratorId?.ToString() ?? "",
            Mappa = MappaReply(person),
            RegisteredAt = Formats.Instant(person.RegisteredAt),
        };
        if (person.Establishment is { } establishment && person.ExpectedRelease is { } release)
            reply.Custody = new ProtoCustody { Establishment = establishment, ExpectedRelease = Formats.Date(release) };
        reply.Supervision.AddRange(person.Supervision.Select(s =>
        {
            var supervision = new SupervisionCase
            {
                SupervisionId = s.SupervisionId.ToString(),
                OrderType = Wire.Name(Wire.OrderTypes, s.OrderType),
                StartDate = Formats.Date(s.Start),
                EndDate = s.End is { } end ? Formats.Date(end) : "",
                ResponsibleOfficer = s.ResponsibleOfficer,
            };
            supervision.Requirements.AddRange(s.Requirements);
            return supervision;
        }));
        reply.LicenceConditions.AddRange(person.LicenceConditions.Select(c => new ProtoLicenceCondition
        {
            ConditionId = c.ConditionId.ToString(),
            Kind = Wire.Name(Wire.ConditionKinds, c.Kind),
            Detail = c.Detail,
            ProtectedPerson = c.ProtectedPerson ?? "",
            AddedAt = Formats.Instant(c.AddedAt),
        }));
        return reply;
    }
}
