using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr.RecordingStacInput;

public sealed record RecordStacInput(
    Guid ConsultationId, string ReviewedPapers, string History, string StalkingConsiderations,
    IReadOnlyList<string> RecommendedRequirements);

/// <summary>What STAC may recommend to the court: stalking-specific interventions and protective requirements.</summary>
public static class RecommendedRequirements
{
    public static readonly IReadOnlySet<string> Catalogue = new HashSet<string>
    {
        "stalking-intervention-programme",   // accredited, stalking-specific
        "nhs-psychological-intervention",    // e.g. the STAC NHS perpetrator service
        "mental-health-treatment-requirement",
        "rehabilitation-activity-requirement",
        "no-contact",
        "exclusion-zone",
        "electronic-monitoring",
        "curfew",
        "restraining-order",
        "unpaid-work",
    };

    // DOMAIN.md (001 L779): do not refer stalkers to domestic-abuse group programmes.
    public static readonly IReadOnlySet<string> DomesticAbuseGroupProgrammes = new HashSet<string>
    {
        "building-better-relationships",
        "domestic-abuse-programme",
        "domestic-abuse-group-programme",
    };
}

public static class RecordStacInputDecision
{
    /// <summary>
    /// The STAC input, recorded by the actor; the same input by the same officer again decides
    /// nothing, and a revised one replaces it while the consultation is open.
    /// </summary>
    public static IReadOnlyList<object> Decide(PsrConsultation current, RecordStacInput command, Actor actor, DateTimeOffset now)
    {
        foreach (var requirement in command.RecommendedRequirements)
        {
            if (RecommendedRequirements.DomesticAbuseGroupProgrammes.Contains(requirement))
                throw new InvalidFieldException("recommended_requirements",
                    $"'{requirement}' is a domestic-abuse group programme: stalkers need a stalking-specific intervention");
            if (!RecommendedRequirements.Catalogue.Contains(requirement))
                throw new InvalidFieldException("recommended_requirements",
                    $"must each be one of: {string.Join(", ", RecommendedRequirements.Catalogue)}; got '{requirement}'");
        }
        if (!current.IsOpen)
            throw new RuleViolationException("consultation_id", $"the consultation is {current.Status.ToString().ToLowerInvariant()}: no more input");
        if (current.Input is { } input && input.ReviewedPapers == command.ReviewedPapers && input.History == command.History
            && input.StalkingConsiderations == command.StalkingConsiderations && input.RecordedBy == actor.Subject
            && input.RecommendedRequirements.SequenceEqual(command.RecommendedRequirements))
            return [];
        return [new StacInputRecorded(command.ConsultationId, command.ReviewedPapers, command.History, command.StalkingConsiderations,
            command.RecommendedRequirements, actor.Subject, now)];
    }
}
