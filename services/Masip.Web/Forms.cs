namespace Masip.Web;

// The console's form models. Ids that make a command idempotent (a referral's, a decision's)
// are chosen when the form is first shown and travel in a hidden field, so a form sent twice
// records once. A field left empty binds as null: every text property reads it back as ""
// (protobuf setters refuse null).

public sealed class ReviewForm
{
    public bool Fixated { get; set; }
    public bool Obsessive { get; set; }
    public bool Unwanted { get; set; }
    public bool Repeated { get; set; }
    public string RiskLevel { get; set => field = value ?? ""; } = "";
    public string RiskRationale { get; set => field = value ?? ""; } = "";
    public string AdviceToOic { get; set => field = value ?? ""; } = "";
    public int Tier { get; set; }
    public string TierReasons { get; set => field = value ?? ""; } = "";
    public string Escalation { get; set => field = value ?? ""; } = "";
    public string S2AJustification { get; set => field = value ?? ""; } = "";
    public bool ReReview { get; set; }
}

public sealed class ReferralForm
{
    public string ReferralId { get; set => field = value ?? ""; } = Guid.NewGuid().ToString();
    public string Reason { get; set => field = value ?? ""; } = "";
}

public sealed class GriffinForm
{
    public string Criteria { get; set => field = value ?? ""; } = "";
    public string Rationale { get; set => field = value ?? ""; } = "";
}

public sealed class DecisionForm
{
    public string DecisionId { get; set => field = value ?? ""; } = Guid.NewGuid().ToString();
    public string ItemId { get; set => field = value ?? ""; } = "";
    public string Kind { get; set => field = value ?? ""; } = "";
    public string OwnerAgency { get; set => field = value ?? ""; } = "";
    public string Detail { get; set => field = value ?? ""; } = "";
    public int NewTier { get; set; }
}

public sealed class ActionForm
{
    public string ActionId { get; set => field = value ?? ""; } = Guid.NewGuid().ToString();
    public string ItemId { get; set => field = value ?? ""; } = "";
    public string Description { get; set => field = value ?? ""; } = "";
    public string OwnerAgency { get; set => field = value ?? ""; } = "";
    public string Assignee { get; set => field = value ?? ""; } = "";
    public string DueDate { get; set => field = value ?? ""; } = DateTime.UtcNow.Date.AddDays(7).ToString("yyyy-MM-dd");
}

public sealed class DiscussionForm
{
    public string ItemId { get; set => field = value ?? ""; } = "";
    public string Summary { get; set => field = value ?? ""; } = "";
}

public sealed class AttendanceForm
{
    public string Person { get; set => field = value ?? ""; } = "";
    public bool Present { get; set; } = true;
}

public sealed class IdForm
{
    public string Id { get; set => field = value ?? ""; } = "";
    public string Reason { get; set => field = value ?? ""; } = "";
}

public sealed class TriageForm
{
    public bool[] Answers { get; set; } = new bool[10];
    public bool Violence { get; set; }
    public bool Children { get; set; }
    public bool CourtCase { get; set; }
    public bool BreakIns { get; set; }
    public string Judgement { get; set => field = value ?? ""; } = "";
    public string Rationale { get; set => field = value ?? ""; } = "";
}

public sealed class VoiceForm
{
    public string Concerns { get; set => field = value ?? ""; } = "";
    public string Wishes { get; set => field = value ?? ""; } = "";
    public bool ShareWithDmm { get; set; }
}

public sealed class AccessReasonForm
{
    public string Code { get; set => field = value ?? ""; } = "";
    public string Text { get; set => field = value ?? ""; } = "";
}

public sealed class AssignForm
{
    public string Assignee { get; set => field = value ?? ""; } = "";
}

/// <summary>A subject of a rights request: name, date of birth (optional), the ground.</summary>
public sealed class SubjectForm
{
    public string RequestId { get; set => field = value ?? ""; } = Guid.NewGuid().ToString();
    public string Name { get; set => field = value ?? ""; } = "";
    public string DateOfBirth { get; set => field = value ?? ""; } = "";
    public string Reason { get; set => field = value ?? ""; } = "";
}

public sealed class RectifyForm
{
    public string RecordId { get; set => field = value ?? ""; } = "";
    public string Field { get; set => field = value ?? ""; } = "";
    public string Value { get; set => field = value ?? ""; } = "";
    public string Reason { get; set => field = value ?? ""; } = "";
}

public sealed class ReviewDecisionForm
{
    public string ReviewId { get; set => field = value ?? ""; } = "";
    public string Decision { get; set => field = value ?? ""; } = "retain";
    public string Reason { get; set => field = value ?? ""; } = "";
}
