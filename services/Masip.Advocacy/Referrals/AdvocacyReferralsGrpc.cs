using Grpc.Core;
using Marten;
using Masip.Advocacy.Infrastructure;
using Masip.Advocacy.Referrals.Consenting;
using Masip.Advocacy.Referrals.Contacting;
using Masip.Advocacy.Referrals.Deciding;
using Masip.Advocacy.Referrals.ReceivingReferrals;
using Masip.Advocacy.Referrals.Triaging;
using Masip.Contracts.Advocacy;
using Masip.ServiceDefaults.Errors;

namespace Masip.Advocacy.Referrals;

public sealed class AdvocacyReferralsGrpc(
    IQuerySession query, EventStreams streams, RecordReferralHandler record, LogContactHandler logContact)
    : AdvocacyReferrals.AdvocacyReferralsBase
{
    private static readonly Dictionary<string, ReferralStatus> Statuses = new()
    {
        ["pending"] = ReferralStatus.Pending,
        ["accepted"] = ReferralStatus.Accepted,
        ["declined"] = ReferralStatus.Declined,
    };

    public override async Task<ListReferralsReply> ListReferrals(ListReferralsRequest request, ServerCallContext context)
    {
        IQueryable<Referral> referrals = query.Query<Referral>();
        if (!string.IsNullOrWhiteSpace(request.Status))
        {
            var status = Require.OneOf(request.Status, "status", Statuses);
            referrals = referrals.Where(r => r.Status == status);
        }
        var list = await referrals.OrderBy(r => r.ReceivedAt).Take(500).ToListAsync(context.CancellationToken);
        var reply = new ListReferralsReply();
        reply.Referrals.AddRange(list.Select(ToReply));
        return reply;
    }

    /// <summary>A referral linked as a duplicate answers with the referral it was linked to.</summary>
    public override async Task<ReferralReply> GetReferral(GetReferralRequest request, ServerCallContext context)
    {
        var id = Require.Id(request.ReferralId, "referral_id");
        var referral = await query.LoadAsync<Referral>(id, context.CancellationToken)
            ?? await query.Query<Referral>().Where(r => r.LinkedReferralIds.Contains(id)).FirstOrDefaultAsync(context.CancellationToken)
            ?? throw new RecordNotFoundException("referral_id", $"no referral {id}");
        return ToReply(referral);
    }

    public override async Task<ReferralReply> RecordReferral(RecordReferralRequest request, ServerCallContext context) =>
        ToReply(await record.Handle(RecordReferralHandler.Validate(request), context.CancellationToken));

    public override async Task<ReferralReply> AcceptReferral(AcceptReferralRequest request, ServerCallContext context)
    {
        var command = new AcceptReferral(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.AdvocateId, "advocate_id", 100));
        return ToReply(await streams.Decide<Referral>(command.ReferralId, "referral_id",
            (current, now) => DecideReferralDecision.Accept(current, command, now), context.CancellationToken));
    }

    public override async Task<ReferralReply> DeclineReferral(DeclineReferralRequest request, ServerCallContext context)
    {
        var command = new DeclineReferral(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.AdvocateId, "advocate_id", 100),
            Require.Text(request.Reason, "reason"));
        return ToReply(await streams.Decide<Referral>(command.ReferralId, "referral_id",
            (current, now) => DecideReferralDecision.Decline(current, command, now), context.CancellationToken));
    }

    public override async Task<ReferralReply> TriageReferral(TriageReferralRequest request, ServerCallContext context)
    {
        var command = new TriageReferral(
            Require.Id(request.ReferralId, "referral_id"),
            request.SashAnswers.Select(a => (Require.Text(a.Question, "sash_answers.question", 20).ToLowerInvariant(), a.Yes)).ToList(),
            new RiskIndicators(request.Violence, request.Children, request.CurrentCourtCase, request.BreakIns),
            string.IsNullOrWhiteSpace(request.ProfessionalJudgement) ? null
                : Require.OneOf(request.ProfessionalJudgement, "professional_judgement", TriageReferralDecision.Levels),
            Require.OptionalText(request.JudgementRationale, "judgement_rationale"),
            Require.Text(request.TriagedBy, "triaged_by", 100));
        return ToReply(await streams.Decide<Referral>(command.ReferralId, "referral_id",
            (current, now) => TriageReferralDecision.Decide(current, command, now), context.CancellationToken));
    }

    public override async Task<ReferralReply> AgreeUpdatePreferences(AgreeUpdatePreferencesRequest request, ServerCallContext context)
    {
        var command = new AgreeUpdatePreferences(Require.Id(request.ReferralId, "referral_id"), request.CadenceDays,
            Require.OneOf(request.Channel, "channel", VictimContactsDecision.Channels), Require.Text(request.AgreedBy, "agreed_by", 100));
        return ToReply(await streams.Decide<Referral>(command.ReferralId, "referral_id",
            (current, now) => VictimContactsDecision.Agree(current, command, now), context.CancellationToken));
    }

    public override async Task<ReferralReply> LogContact(LogContactRequest request, ServerCallContext context)
    {
        var command = new LogContact(
            Require.Id(request.ReferralId, "referral_id"),
            Require.OneOf(request.Channel, "channel", VictimContactsDecision.Channels),
            Require.Text(request.Summary, "summary"),
            Require.Text(request.ContactedBy, "contacted_by", 100),
            string.IsNullOrWhiteSpace(request.TaskId) ? null : Require.Id(request.TaskId, "task_id"));
        return ToReply(await logContact.Handle(command, context.CancellationToken));
    }

    public override async Task<ReferralReply> GiveConsent(ConsentRequest request, ServerCallContext context)
    {
        var command = new GiveConsent(Require.Id(request.ReferralId, "referral_id"),
            Require.OneOf(request.ShareWith, "share_with", ConsentDecision.Parties), Require.Text(request.RecordedBy, "recorded_by", 100));
        return ToReply(await streams.Decide<Referral>(command.ReferralId, "referral_id",
            (current, now) => ConsentDecision.Give(current, command, now), context.CancellationToken));
    }

    public override async Task<ReferralReply> WithdrawConsent(ConsentRequest request, ServerCallContext context)
    {
        var command = new WithdrawConsent(Require.Id(request.ReferralId, "referral_id"),
            Require.OneOf(request.ShareWith, "share_with", ConsentDecision.Parties), Require.Text(request.RecordedBy, "recorded_by", 100));
        return ToReply(await streams.Decide<Referral>(command.ReferralId, "referral_id",
            (current, now) => ConsentDecision.Withdraw(current, command, now), context.CancellationToken));
    }

    public override async Task<ReferralReply> RecordVictimVoice(RecordVictimVoiceRequest request, ServerCallContext context)
    {
        var command = new RecordVictimVoice(Require.Id(request.ReferralId, "referral_id"), Require.Text(request.Concerns, "concerns"),
            Require.Text(request.Wishes, "wishes"), Require.Text(request.RecordedBy, "recorded_by", 100), request.ShareWithDmm);
        return ToReply(await streams.Decide<Referral>(command.ReferralId, "referral_id",
            (current, now) => ConsentDecision.RecordVoice(current, command, now), context.CancellationToken));
    }

    private static string Name<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();

    internal static ReferralReply ToReply(Referral referral)
    {
        var reply = new ReferralReply
        {
            ReferralId = referral.Id.ToString(),
            Status = Name(referral.Status),
            Source = referral.Source,
            CrimeReference = referral.CrimeReference ?? "",
            VictimName = referral.VictimName,
            VictimPhone = referral.VictimPhone ?? "",
            VictimEmail = referral.VictimEmail ?? "",
            Reason = referral.Reason,
            ReceivedAt = Formats.Instant(referral.ReceivedAt),
            DecidedBy = referral.DecidedBy ?? "",
            DecidedAt = referral.DecidedAt is { } decided ? Formats.Instant(decided) : "",
            DeclineReason = referral.DeclineReason ?? "",
            EpisodeId = referral.EpisodeId?.ToString() ?? "",
        };
        reply.PastEpisodeIds.AddRange(referral.PastEpisodeIds.Select(id => id.ToString()));
        reply.LinkedReferralIds.AddRange(referral.LinkedReferralIds.Select(id => id.ToString()));
        reply.ConsentToShareWith.AddRange(referral.ConsentToShareWith);
        if (referral.Triage is { } t)
            reply.Triage = new Triage
            {
                RiskLevel = Name(t.RiskLevel),
                SupportLevel = Name(t.SupportLevel),
                SashYesCount = t.SashYesCount,
                SashAnswerCount = t.SashAnswerCount,
                Violence = t.Indicators.Violence,
                Children = t.Indicators.Children,
                CurrentCourtCase = t.Indicators.CurrentCourtCase,
                BreakIns = t.Indicators.BreakIns,
                ProfessionalJudgement = t.ProfessionalJudgement is { } j ? Name(j) : "",
                JudgementRationale = t.JudgementRationale ?? "",
                TriagedBy = t.TriagedBy,
                TriagedAt = Formats.Instant(t.TriagedAt),
            };
        if (referral.UpdatePreferences is { } p)
            reply.UpdatePreferences = new Masip.Contracts.Advocacy.UpdatePreferences
            {
                CadenceDays = p.CadenceDays, Channel = p.Channel, AgreedBy = p.AgreedBy, AgreedAt = Formats.Instant(p.AgreedAt),
            };
        reply.Contacts.AddRange(referral.Contacts.Select(c => new Masip.Contracts.Advocacy.Contact
        {
            ContactId = c.ContactId.ToString(),
            Channel = c.Channel,
            Summary = c.Summary,
            ContactedBy = c.ContactedBy,
            ContactedAt = Formats.Instant(c.ContactedAt),
            TaskId = c.TaskId?.ToString() ?? "",
        }));
        if (referral.Voice is { } v)
            reply.VictimVoice = new VictimVoice
            {
                Concerns = v.Concerns, Wishes = v.Wishes, RecordedBy = v.RecordedBy, RecordedAt = Formats.Instant(v.RecordedAt), SharedWithDmm = v.SharedWithDmm,
            };
        return reply;
    }
}
