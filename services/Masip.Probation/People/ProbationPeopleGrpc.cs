using Grpc.Core;
using Marten;
using Masip.Contracts.Probation;
using Masip.Probation.People.Custody;
using Masip.Probation.People.Registering;
using Masip.Probation.People.Supervising;
using Masip.ServiceDefaults.Errors;
using ProtoCustody = Masip.Contracts.Probation.Custody;
using ProtoLicenceCondition = Masip.Contracts.Probation.LicenceCondition;

namespace Masip.Probation.People;

public sealed class ProbationPeopleGrpc(PersonCommands people, IQuerySession query) : ProbationPeople.ProbationPeopleBase
{
    public override async Task<PersonReply> RegisterPerson(RegisterPersonRequest request, ServerCallContext context)
    {
        var command = new RegisterPerson(
            Require.Id(request.PersonId, "person_id"),
            Require.Text(request.Name, "name", 200),
            Require.Date(request.DateOfBirth, "date_of_birth"),
            Require.OptionalText(request.PncId, "pnc_id", 20),
            OptionalId(request.PerpetratorId, "perpetrator_id"));
        var ct = context.CancellationToken;
        return ToReply(await people.Execute(command.PersonId, (p, now) => RegisterPersonDecision.Decide(p, command, now), ct,
            PersonCommands.PncIsFree(command.PersonId, command.PncId, ct)));
    }

    public override async Task<PersonReply> UpdatePerson(UpdatePersonRequest request, ServerCallContext context)
    {
        var command = new UpdatePerson(
            Require.Id(request.PersonId, "person_id"),
            Require.Text(request.Name, "name", 200),
            Require.Date(request.DateOfBirth, "date_of_birth"),
            Require.OptionalText(request.PncId, "pnc_id", 20),
            OptionalId(request.PerpetratorId, "perpetrator_id"));
        var ct = context.CancellationToken;
        return ToReply(await people.Execute(command.PersonId, (p, now) => UpdatePersonDecision.Decide(p, command, now), ct,
            PersonCommands.PncIsFree(command.PersonId, command.PncId, ct)));
    }

    public override async Task<PersonReply> RecordSupervision(RecordSupervisionRequest request, ServerCallContext context)
    {
        var command = new RecordSupervision(
            Require.Id(request.PersonId, "person_id"),
            Require.Id(request.SupervisionId, "supervision_id"),
            Require.OneOf(request.OrderType, "order_type", Wire.OrderTypes),
            Require.Date(request.StartDate, "start_date"),
            string.IsNullOrWhiteSpace(request.EndDate) ? null : Require.Date(request.EndDate, "end_date"),
            [.. request.Requirements.Select(r => Require.Text(r, "requirements", 500))],
            Require.Text(request.ResponsibleOfficer, "responsible_officer", 100));
        return ToReply(await people.Execute(command.PersonId, (p, now) => RecordSupervisionDecision.Decide(p, command, now), context.CancellationToken));
    }

    public override async Task<PersonReply> AddLicenceCondition(AddLicenceConditionRequest request, ServerCallContext context)
    {
        var command = new AddLicenceCondition(
            Require.Id(request.PersonId, "person_id"),
            Require.Id(request.ConditionId, "condition_id"),
            Require.OneOf(request.Kind, "kind", Wire.ConditionKinds),
            Require.Text(request.Detail, "detail", 2000),
            Require.OptionalText(request.ProtectedPerson, "protected_person", 200));
        return ToReply(await people.Execute(command.PersonId, (p, now) => AddLicenceConditionDecision.Decide(p, command, now), context.CancellationToken));
    }

    public override async Task<PersonReply> RecordCustody(RecordCustodyRequest request, ServerCallContext context)
    {
        var command = new RecordCustody(
            Require.Id(request.PersonId, "person_id"),
            Require.Text(request.Establishment, "establishment", 200),
            Require.Date(request.ExpectedRelease, "expected_release"));
        return ToReply(await people.Execute(command.PersonId, (p, now) => RecordCustodyDecision.Decide(p, command, now), context.CancellationToken));
    }

    public override async Task<PersonReply> GetPerson(GetPersonRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.PersonId, "person_id");
        var person = await query.LoadAsync<Person>(id, context.CancellationToken)
            ?? throw new RecordNotFoundException("person_id", $"no person {id}");
        return ToReply(person);
    }

    public static Guid? OptionalId(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? null : Require.Id(value, field);

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
