using Masip.ServiceDefaults;
using Masip.ServiceDefaults.Commands;
using Masip.ServiceDefaults.DataProtection;
using Masip.ServiceDefaults.Sharing;

namespace Masip.Probation.DataProtection;

/// <summary>This agency's part of a coordinator's subject-access request (README "Data protection").</summary>
public sealed class SubjectAccessRequestedConsumer(CommandPipeline pipeline, ServiceIdentity service, SharingAgreements agreement,
    ILogger<SubjectAccessRequestedConsumer> logger) : SubjectAccessPartConsumer(pipeline, service, agreement, logger);
