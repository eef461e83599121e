namespace Masip.Contracts.Messages;

/// <summary>
/// The police (the coordinator) received a subject-access request (UK GDPR Art. 15; DPA 2018 s45):
/// every agency, the police included, prepares its own part of the export and reports it back.
/// </summary>
[ReceivedBy("police", "probation", "nhs", "advocacy")]
public sealed record SubjectAccessRequestedV1(
    [DataClass("record.meta"), Subject("subject-access-request")] Guid RequestId,
    [DataClass("subject.identity"), ServedAs("masip.dataprotection.SubjectAccessRequestReply.name"), ServedAs("masip.dataprotection.SubjectAccessExportReply.name")] string Name,
    [DataClass("subject.identity"), ServedAs("masip.dataprotection.SubjectAccessRequestReply.date_of_birth"), ServedAs("masip.dataprotection.SubjectAccessExportReply.date_of_birth")] DateOnly? DateOfBirth,
    [DataClass("record.meta")] DateTimeOffset RequestedAt);

/// <summary>
/// One agency's part of a subject-access request is ready for the DPO's review: its export id,
/// counts and hash only. The export stays with its agency (clinical detail never leaves the NHS).
/// </summary>
[ReceivedBy("police")]
public sealed record SubjectAccessPartPreparedV1(
    [DataClass("record.meta"), Subject("subject-access-request")] Guid RequestId,
    [DataClass("record.meta")] string Agency,
    [DataClass("record.meta")] Guid ExportId,
    [DataClass("record.meta")] int Records,
    [DataClass("record.meta")] int Disclosures,
    [DataClass("record.meta")] int WithheldValues,
    [DataClass("record.meta")] string Sha256,
    [DataClass("record.meta")] DateTimeOffset PreparedAt);
