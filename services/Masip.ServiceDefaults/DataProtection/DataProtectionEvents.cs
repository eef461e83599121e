namespace Masip.ServiceDefaults.DataProtection;

/// <summary>A subject-access export was prepared (for the DPO directly, or as this agency's part of a coordinator's request).</summary>
public sealed record SubjectAccessExported(
    Guid ExportId, Guid? RequestId, string Agency, int Records, int Disclosures, int WithheldValues, string Sha256,
    string PreparedBy, DateTimeOffset PreparedAt);

/// <summary>
/// A person's own data was erased (UK GDPR Art. 17; DPA 2018 s47): counts, classes and the
/// streams touched, never the values. The reason is the DPO's (it names no one).
/// </summary>
public sealed record SubjectErased(
    Guid ErasureId, string Agency, int Records, int RowsRewritten, IReadOnlyList<string> Classes, IReadOnlyList<Guid> Streams,
    string Reason, string ErasedBy, DateTimeOffset ErasedAt);
