using Masip.ServiceDefaults.Errors;

namespace Masip.Probation.Psr.Closing;

public sealed record SubmitPsrConsultation(Guid ConsultationId);

public sealed record WithdrawPsrConsultation(Guid ConsultationId, string Reason);

public static class SubmitPsrConsultationDecision
{
    /// <summary>Submitting twice is one submission; a withdrawn consultation cannot be submitted.</summary>
    public static IReadOnlyList<object> Decide(PsrConsultation current, SubmitPsrConsultation command, DateTimeOffset now)
    {
        return current.Status switch
        {
            PsrStatus.Submitted => [],
            PsrStatus.Withdrawn => throw new RuleViolationException("consultation_id", "the consultation was withdrawn and cannot be submitted"),
            _ when current.Input is null => throw new RuleViolationException("consultation_id", "record the STAC input before submitting"),
            _ => [new PsrConsultationSubmitted(command.ConsultationId, now)],
        };
    }
}

public static class WithdrawPsrConsultationDecision
{
    public static IReadOnlyList<object> Decide(PsrConsultation current, WithdrawPsrConsultation command, DateTimeOffset now)
    {
        return current.Status switch
        {
            PsrStatus.Withdrawn => [],
            PsrStatus.Submitted => throw new RuleViolationException("consultation_id", "the consultation was submitted and cannot be withdrawn"),
            _ => [new PsrConsultationWithdrawn(command.ConsultationId, command.Reason, now)],
        };
    }
}
