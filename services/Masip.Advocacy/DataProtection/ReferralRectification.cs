using Marten;
using MassTransit;
using Masip.Advocacy.Referrals;
using Masip.Advocacy.Referrals.ReceivingReferrals;
using Masip.Contracts.Messages;
using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Messaging;

namespace Masip.Advocacy.DataProtection;

/// <summary>
/// Rectification at advocacy: a referral's victim details and contact preferences (UK GDPR Art. 16),
/// corrected by advocacy's DPO (RectifyRecord) or by the police's correction of the same details
/// (VictimDetailsRectifiedV1).
/// </summary>
public static class ReferralRectification
{
    public const string Record = "referral";

    public static readonly RectifiableField<Referral>[] Fields =
    [
        new("victim.name", r => r.VictimName, Rectification.Line(200)),
        new("victim.phone", r => r.VictimPhone, Rectification.Line(40)),
        new("victim.email", r => r.VictimEmail, Rectification.Line(254)),
        new("contactPreferences.safeTimes", r => r.ContactPreferences?.SafeTimes, Rectification.Line(200)),
        new("contactPreferences.language", r => r.ContactPreferences?.Language, Rectification.Line(60)),
        new("contactPreferences.preferredName", r => r.ContactPreferences?.PreferredName, Rectification.Line(200)),
    ];

    public static IServiceCollection AddReferralRectification(this IServiceCollection services) =>
        services.AddRectifiable(Record, Fields);

    /// <summary>
    /// The decider for a partner's correction: the field takes it only when it is later than the
    /// correction the field last took (by the publisher's time, then version), so a redelivered or
    /// overtaken message changes nothing.
    /// </summary>
    public static RecordRectified? FromPolice(Referral referral, VictimDetailsRectifiedV1 message, long version)
    {
        var value = message.Field switch
        {
            "victim.name" => message.VictimName,
            "victim.phone" => message.VictimPhone,
            "victim.email" => message.VictimEmail,
            _ => null,
        };
        if (value is null)
            return null;
        var last = referral.Rectified.GetValueOrDefault(message.Field);
        if (!Rectification.Supersedes(message.RectifiedAt, message.Version, last?.At, last?.SourceVersion ?? 0))
            return null;
        var current = Fields.Single(f => f.Name == message.Field).Current(referral);
        return new RecordRectified(referral.Id, Record, message.Field, current, value,
            $"corrected at the police (case {message.CrimeReference})", "police", message.RectifiedAt, version + 1, message.Version);
    }
}

/// <summary>
/// The police corrected the victim's details of a case whose victim they referred: every referral
/// from the police for that crime reference takes the correction (once: the inbox; in order: the
/// decider keeps the latest by the police's time and version, whatever order messages arrive in).
/// </summary>
public sealed class VictimDetailsRectifiedConsumer(CommandPipeline pipeline, ServiceIdentity service, ILogger<VictimDetailsRectifiedConsumer> logger)
    : InboxConsumer<VictimDetailsRectifiedV1>(pipeline, service, logger)
{
    protected override async Task Handle(VictimDetailsRectifiedV1 message, CommandScope scope, ConsumeContext<VictimDetailsRectifiedV1> context)
    {
        var ids = await scope.Session.Query<Referral>()
            .Where(r => r.CrimeReference == message.CrimeReference && r.Source == RecordReferralDecision.Police)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(scope.Cancellation);
        foreach (var (id, _) in await Rectification.FromPartner<Referral>(scope, ids,
                     (referral, version) => ReferralRectification.FromPolice(referral, message, version)))
            logger.LogInformation("Referral {ReferralId}: {Field} corrected from the police's case {CaseId}", id, message.Field, message.CaseId);
    }
}
