namespace Masip.Web;

// The console's form models. Ids that make a command idempotent (a referral's, a decision's)
// are chosen when the form is first shown and travel in a hidden field, so a form sent twice
// records once.

public sealed class ReviewForm
{
    public bool Fixated { get; set; }
    public bool Obsessive { get; set; }
    public bool Unwanted { get; set; }
    public bool Repeated { get; set; }
    public string RiskLevel { get; set; } = "";
    public string RiskRationale { get; set; } = "";
    public string AdviceToOic { get; set; } = "";
    public int Tier { get; set; }
    public string TierReasons { get; set; } = "";
    public string Escalation { get; set; } = "";
    public string S2AJustification { get; set; } = "";
    public bool ReReview { get; set; }
}

public sealed class ReferralForm
{
    public string ReferralId { get; set; } = Guid.NewGuid().ToString();
    public string Reason { get; set; } = "";
}

public sealed class GriffinForm
{
    public string Criteria { get; set; } = "";
    public string Rationale { get; set; } = "";
}

public sealed class DecisionForm
{
    public string DecisionId { get; set; } = Guid.NewGuid().ToString();
    public string ItemId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string OwnerAgency { get; set; } = "";
    public string Detail { get; set; } = "";
    public int NewTier { get; set; }
}

public sealed class ActionForm
{
    public string ActionId { get; set; } = Guid.NewGuid().ToString();
    public string ItemId { get; set; } = "";
    public string Description { get; set; } = "";
    public string OwnerAgency { get; set; } = "";
    public string Assignee { get; set; } = "";
    public string DueDate { get; set; } = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd");
}

public sealed class DiscussionForm
{
    public string ItemId { get; set; } = "";
    public string Summary { get; set; } = "";
}

public sealed class AttendanceForm
{
    public string Person { get; set; } = "";
    public bool Present { get; set; } = true;
}

public sealed class IdForm
{
    public string Id { get; set; } = "";
    public string Reason { get; set; } = "";
}

public sealed class TriageForm
{
    public bool[] Answers { get; set; } = new bool[10];
    public bool Violence { get; set; }
    public bool Children { get; set; }
    public bool CourtCase { get; set; }
    public bool BreakIns { get; set; }
    public string Judgement { get; set; } = "";
    public string Rationale { get; set; } = "";
}

public sealed class VoiceForm
{
    public string Concerns { get; set; } = "";
    public string Wishes { get; set; } = "";
    public bool ShareWithDmm { get; set; }
}
