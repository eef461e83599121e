using Google.Protobuf;
using Masip.ServiceDefaults.Audit;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>
/// The gRPC exit of the sharing policy for one reply: clears what the caller may not see (listed
/// in withheld_fields) and says what was disclosed, about whom, so it can be audited. The
/// interceptor applies it to queries; the command pipeline applies it inside the command's
/// transaction, so a command's disclosure commits with the command.
/// </summary>
public sealed class ReplyDisclosure(SharingAgreements agreements)
{
    /// <summary>Filters <paramref name="reply"/> in place; the disclosure to audit, or null when it disclosed no personal data.</summary>
    public Disclosure? Filter(IMessage reply, SharingContext sharing)
    {
        var agreement = agreements.Current;
        var result = ResponseFilter.Apply(reply,
            dataClass => agreement.MaySee(sharing.Caller.RoleKey, dataClass, sharing.Purpose, sharing.VictimConsented),
            agreement.IsPersonal);
        if (result.DisclosedClasses.Count == 0 || result.Subjects.Count == 0)
            return null;
        return new Disclosure([.. result.Subjects.Select(s => new AuditSubject(s.Kind, s.Id)).Distinct()],
            sharing.Caller.Subject, sharing.Caller.Agency, sharing.Caller.Role,
            Recipient: sharing.Caller.Agency, Channel: "grpc", Operation: $"{sharing.Method.Service.Name}/{sharing.Method.Name}",
            [.. result.DisclosedClasses], sharing.Purpose, System.Diagnostics.Activity.Current?.TraceId.ToString(), sharing.AuditReason);
    }
}
