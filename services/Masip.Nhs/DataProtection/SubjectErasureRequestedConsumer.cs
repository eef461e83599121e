using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Audit;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Nhs.DataProtection;

/// <summary>This agency's part of a coordinator's erasure request (README "Data protection").</summary>
public sealed class SubjectErasureRequestedConsumer(CommandPipeline pipeline, ServiceIdentity service, SharingAgreements agreements,
    DisclosureAuditor auditor, IEnumerable<IErasureHold> holds, ILogger<SubjectErasureRequestedConsumer> logger)
    : SubjectErasurePartConsumer(pipeline, service, agreements, auditor, holds, logger);
