using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals.Triaging;

public sealed record TriageReferral(
    Guid ReferralId,
    IReadOnlyList<(string Question, bool Yes)> SashAnswers,
    RiskIndicators Indicators,
    RiskLevel? ProfessionalJudgement,
    string? JudgementRationale);

/// <summary>
/// Triage of an accepted referral, by the acting advocate. The reports give no SASH scoring
/// bands, so this follows the practice of DASH: the count of "yes" answers sets a scored level
/// (0-4 standard, 5-9 medium, 10 or more high); violence or break-ins make it at least medium.
/// Professional judgement may raise the level, with a rationale, never lower it. High or medium
/// risk, children involved or a current court case (court support) need long-term advocacy;
/// otherwise brief support.
/// </summary>
public static class TriageReferralDecision
{
    public const int MediumFrom = 5;
    public const int HighFrom = 10;

    public static readonly IReadOnlyDictionary<string, RiskLevel> Levels = new Dictionary<string, RiskLevel>
    {
        ["standard"] = RiskLevel.Standard,
        ["medium"] = RiskLevel.Medium,
        ["high"] = RiskLevel.High,
    };

    public static IReadOnlyList<object> Decide(Referral current, TriageReferral command, Actor actor, DateTimeOffset now)
    {
        if (current.Status != ReferralStatus.Accepted)
            throw new RuleViolationException("referral_id", $"only an accepted referral is triaged; this one is {current.Status.ToString().ToLowerInvariant()}");
        if (command.SashAnswers.Count == 0)
            throw new InvalidFieldException("sash_answers", "at least one answer is required");
        var duplicate = command.SashAnswers.GroupBy(a => a.Question).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidFieldException("sash_answers", $"question {duplicate.Key} is answered twice");

        var yes = command.SashAnswers.Count(a => a.Yes);
        var scored = Score(yes, command.Indicators);
        var level = scored;
        if (command.ProfessionalJudgement is { } judgement)
        {
            if (judgement < scored)
                throw new InvalidFieldException("professional_judgement", $"may raise the scored level ({Name(scored)}), never lower it");
            if (judgement > scored && command.JudgementRationale is null)
                throw new InvalidFieldException("judgement_rationale", "is required when professional judgement raises the level");
            level = judgement;
        }
        return [new ReferralTriaged(current.Id, yes, command.SashAnswers.Count, command.Indicators, scored,
            command.ProfessionalJudgement, command.JudgementRationale, level, SupportFor(level, command.Indicators), actor.Subject, now)];
    }

    public static RiskLevel Score(int yesCount, RiskIndicators indicators)
    {
        var level = yesCount >= HighFrom ? RiskLevel.High : yesCount >= MediumFrom ? RiskLevel.Medium : RiskLevel.Standard;
        if ((indicators.Violence || indicators.BreakIns) && level < RiskLevel.Medium)
            level = RiskLevel.Medium;
        return level;
    }

    public static SupportLevel SupportFor(RiskLevel level, RiskIndicators indicators) =>
        level >= RiskLevel.Medium || indicators.Children || indicators.CurrentCourtCase ? SupportLevel.Advocacy : SupportLevel.Brief;

    public static string Name(RiskLevel level) => level.ToString().ToLowerInvariant();
}
