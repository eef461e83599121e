using Masip.Police.Cases;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Clocks;

public sealed record AgreeVictimUpdateCadence(Guid CaseId, int Days, string AgreedWith);

public sealed record RecordVictimUpdate(Guid CaseId, string Channel);

public static class VictimUpdateDecisions
{
    public static readonly IReadOnlyDictionary<string, string> AgreedWith = new[] { "victim", "advocacy", "oic" }.ToDictionary(v => v, v => v);
    public static readonly IReadOnlyDictionary<string, string> Channels =
        new[] { "phone", "email", "letter", "in-person", "via-advocate" }.ToDictionary(v => v, v => v);

    /// <summary>Victims' Code: the police agree the update frequency with the victim.</summary>
    public static IReadOnlyList<object> Decide(StacCase current, AgreeVictimUpdateCadence command, Actor actor, DateTimeOffset now)
    {
        if (command.Days is < 1 or > 90)
            throw new InvalidFieldException("days", $"must be between 1 and 90; got {command.Days}");
        if (current.Status == CaseStatus.Closed)
            throw new RuleViolationException("case_id", "the case is closed");
        return current.VictimUpdateCadenceDays == command.Days
            ? []
            : [new VictimUpdateCadenceAgreed(current.Id, command.Days, command.AgreedWith, actor.Subject, now)];
    }

    public static IReadOnlyList<object> Decide(StacCase current, RecordVictimUpdate command, Actor actor, DateTimeOffset now) =>
        [new VictimUpdated(current.Id, command.Channel, actor.Subject, now)];
}
