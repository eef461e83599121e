namespace Masip.Contracts.Messages;

/// <summary>
/// The police (the coordinator) received an erasure request (UK GDPR Art. 17; DPA 2018 s47):
/// every agency, the police included, erases the person's own data with its own EraseSubject
/// logic and reports back ids and counts. The message carries the subject key only: the
/// person's NameKey (the normalised name the stores are searched by) and the date of birth
/// when the DPO gave one; no contact details, no case data, no reason text (README "Data
/// protection": how the key is protected).
/// </summary>
[ReceivedBy("police", "probation", "nhs", "advocacy")]
public sealed record SubjectErasureRequestedV1(
    [DataClass("record.meta"), Subject("erasure-request")] Guid RequestId,
    [DataClass("subject.identity"), NotServed("the key only finds the records to erase; no reply serves it, and each agency's erasure erases it")] string SubjectKey,
    [DataClass("subject.identity"), NotServed("part of the subject key: it tells namesakes apart; no reply serves it")] DateOnly? DateOfBirth,
    [DataClass("record.meta")] DateTimeOffset RequestedAt);

/// <summary>
/// One agency's answer to an erasure request: erased (with counts) or refused (with a reason that
/// names record ids only, e.g. a legal hold). Ids and counts only: what was erased is gone.
/// </summary>
[ReceivedBy("police")]
public sealed record SubjectErasurePartV1(
    [DataClass("record.meta"), Subject("erasure-request")] Guid RequestId,
    [DataClass("record.meta")] string Agency,
    [DataClass("record.meta")] Guid ErasureId,
    [DataClass("record.meta")] string State,
    [DataClass("record.meta")] int Records,
    [DataClass("record.meta")] int RowsRewritten,
    [DataClass("record.meta")] string Refusal,
    [DataClass("record.meta")] DateTimeOffset AnsweredAt);
