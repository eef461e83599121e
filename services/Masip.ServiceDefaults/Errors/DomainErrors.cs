namespace Masip.ServiceDefaults.Errors;

/// <summary>
/// A rule of the domain said no. Deciders throw these; the gRPC error interceptor turns each
/// kind into its status code, with a message that names the field, and nothing is stored.
/// </summary>
public abstract class DomainException(string field, string message) : Exception($"{field}: {message}")
{
    /// <summary>The request field (snake_case, as in the .proto) the caller should fix.</summary>
    public string Field { get; } = field;

    /// <summary>What is wrong, without the field's name.</summary>
    public string Problem { get; } = message;
}

/// <summary>The input itself is wrong (missing, malformed, out of range): InvalidArgument.</summary>
public sealed class InvalidFieldException(string field, string message) : DomainException(field, message);

/// <summary>The input is well formed but the record's state forbids it: FailedPrecondition.</summary>
public sealed class RuleViolationException(string field, string message) : DomainException(field, message);

/// <summary>The record named by the field does not exist: NotFound.</summary>
public sealed class RecordNotFoundException(string field, string message) : DomainException(field, message);

/// <summary>A different record already holds that identity: AlreadyExists.</summary>
public sealed class DuplicateRecordException(string field, string message) : DomainException(field, message);
