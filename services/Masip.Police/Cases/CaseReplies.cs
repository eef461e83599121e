using Masip.Contracts.Police;
using Masip.Police.Clocks;
using Masip.ServiceDefaults.Errors;

namespace Masip.Police.Cases;

/// <summary>Maps the case read model to the wire.</summary>
public static class CaseReplies
{
    public static CaseReply ToReply(StacCase c, DateTimeOffset now, int defaultCadenceDays)
    {
        var r = c.Report;
        var reply = new CaseReply
        {
            CaseId = c.Id.ToString(),
            CrimeReference = r.CrimeReference,
            Status = CaseStatuses.Name(c.Status),
            ReportedOn = Formats.Date(r.ReportedOn),
            OffenceDate = Formats.Date(r.OffenceDate),
            PrincipalClassification = Offences.Name(r.Principal),
            DomesticAbuse = r.Flags.DomesticAbuse,
            OnlineElement = r.Flags.OnlineElement,
            ChildrenInvolved = r.Flags.ChildrenInvolved,
            PolicePerpetrated = r.Flags.PolicePerpetrated,
            PerpetratorId = c.PerpetratorId?.ToString() ?? "",
            SuspectName = r.Suspect?.Name ?? "",
            SuspectDateOfBirth = r.Suspect?.DateOfBirth is { } dob ? Formats.Date(dob) : "",
            SuspectPncId = r.Suspect?.PncId ?? "",
            SuspectAddress = r.Suspect?.Address ?? "",
            VictimName = r.Victim.Name,
            VictimPhone = r.Victim.Phone ?? "",
            VictimEmail = r.Victim.Email ?? "",
            VictimAddress = r.Victim.Address ?? "",
            Relationship = r.Relationship,
            Summary = r.Summary,
            OfficerInCase = r.OfficerInCase,
            Borough = r.Borough,
            Unit = r.Unit ?? "",
            Amendments = c.Amendments,
            Tier = c.Tier ?? 0,
            ReassessmentDue = c.ReassessmentDue,
            ReassessmentReason = c.ReassessmentReason ?? "",
            FurtherOffencePrompt = c.FurtherOffencePrompt,
            Outcome = c.Outcome ?? "",
            Spo = ToReply(c.Spo),
            Clocks = ToReply(c, CaseClocks.For(c, now, defaultCadenceDays)),
            ImportedAt = Formats.Instant(c.ImportedAt),
        };
        reply.IncludedClassifications.AddRange(r.Included.Select(Offences.Name));
        reply.SuspectKnownReasons.AddRange(c.SuspectKnownReasons);
        reply.FurtherOffenceReferences.AddRange(c.FurtherOffenceReferences);
        foreach (var entry in c.Classifications)
        {
            var h = new ClassificationHistoryEntry
            {
                Principal = Offences.Name(entry.Principal), Source = entry.Source, RecordedAt = Formats.Instant(entry.RecordedAt), Reason = entry.Reason ?? "",
            };
            h.Included.AddRange(entry.Included.Select(Offences.Name));
            reply.ClassificationHistory.Add(h);
        }
        if (c.Review is { } review)
            reply.Review = new ReviewView
            {
                Fixated = review.Four.Fixated,
                Obsessive = review.Four.Obsessive,
                Unwanted = review.Four.Unwanted,
                RepeatedConduct = review.Four.Repeated,
                RiskLevel = review.RiskLevel,
                RiskRationale = review.RiskRationale,
                AdviceToOic = review.AdviceToOic ?? "",
                ReviewedBy = review.ReviewedBy,
                ReviewedAt = Formats.Instant(review.ReviewedAt),
                Reviews = review.Reviews,
            };
        reply.TierHistory.AddRange(c.TierHistory.Select(t => new TierHistoryEntry
        {
            Tier = t.Tier, Reason = t.Reason, TieredBy = t.TieredBy, TieredAt = Formats.Instant(t.TieredAt),
        }));
        if (c.Review?.S2aJustification is { } justification)
            reply.Review.S2AJustification = justification;
        if (c.Review?.S4aLimb is { } limb)
            reply.Review.S4ALimb = limb;
        StalkingReplies.Fill(reply, c);
        return reply;
    }

    public static SpoView ToReply(SpoState s)
    {
        var view = new SpoView
        {
            Considered = s.Considered,
            WillApply = s.WillApply ?? false,
            ConsideredReason = s.ConsideredReason ?? "",
            WhyNot = s.WhyNot ?? "",
            Status = s.Status,
            AppliedOn = s.AppliedOn is { } a ? Formats.Date(a) : "",
            GrantedAt = s.GrantedAt is { } g ? Formats.Instant(g) : "",
            ExpiresOn = s.ExpiresOn is { } e ? Formats.Date(e) : "",
            Breaches = s.Breaches,
            Variations = s.Variations,
        };
        view.Prohibitions.AddRange(s.Prohibitions);
        view.Requirements.AddRange(s.Requirements);
        return view;
    }

    public static ClocksReply ToReply(StacCase c, CaseClocks clocks) => new()
    {
        CaseId = c.Id.ToString(),
        ProsecutionLimitDate = clocks.ProsecutionLimitDate is { } l ? Formats.Date(l) : "",
        ProsecutionAlertFrom = clocks.ProsecutionAlertFrom is { } a ? Formats.Date(a) : "",
        ProsecutionAlert = clocks.ProsecutionAlert,
        ProsecutionLimitPassed = clocks.ProsecutionLimitPassed,
        DaysToProsecutionLimit = clocks.DaysToProsecutionLimit ?? 0,
        VictimUpdateCadenceDays = clocks.VictimUpdateCadenceDays,
        VictimUpdateDueAt = Formats.Instant(clocks.VictimUpdateDueAt),
        VictimUpdateOverdue = clocks.VictimUpdateOverdue,
        LastVictimUpdateAt = c.LastVictimUpdateAt is { } u ? Formats.Instant(u) : "",
        SpoFullApplicationDueBy = clocks.SpoFullApplicationDueBy is { } f ? Formats.Date(f) : "",
        SpoFullApplicationOverdue = clocks.SpoFullApplicationOverdue,
    };
}
