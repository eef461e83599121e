using Grpc.Core;
using Masip.Contracts.Nhs;
using Masip.Nhs.Liaison.RecordingCustodyContacts;

namespace Masip.Nhs.Liaison;

public sealed partial class NhsLiaisonGrpc
{
    public override Task<CustodyContactReply> RecordCustodyContact(RecordCustodyContactRequest request, ServerCallContext context)
    {
        var command = RecordCustodyContactDecision.Validate(request);
        return pipeline.Run(context,
            async scope =>
            {
                var referral = await LiaisonReferral.Named(scope, command.ReferralId);
                var contact = await scope.Stream<CustodyContact>(command.ContactId);
                contact.AppendMany(RecordCustodyContactDecision.Decide(contact.Aggregate, referral, command, scope.Actor, scope.Now));
            },
            async scope => ToReply(await scope.Require<CustodyContact>(command.ContactId, "contact_id")));
    }
}
