namespace Masip.Contracts.Messages;

/// <summary>
/// The data class (deploy/sharing/agreement.yaml) of one field of an integration message. Put it
/// on every parameter of a message record; a test fails for a field without one.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class DataClassAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// The agencies whose services consume this message. The message may carry only the classes
/// that every one of them may hold under the agreement (checked at start and by a test).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ReceivedByAttribute(params string[] agencies) : Attribute
{
    public IReadOnlyList<string> Agencies { get; } = agencies;
}

/// <summary>Marks the parameter holding the id of the message's data subject, for the disclosure audit.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class SubjectAttribute(string kind) : Attribute
{
    public string Kind { get; } = kind;
}

/// <summary>
/// The reply field (proto "package.Message.field") that serves the same datum to callers; put one
/// per reply field the value is served by or composed from. The message carries the datum in the
/// same data class as every reply that serves it (ContractCheck.ServedAs, checked by a test), so
/// a datum never changes class on its way out: one class for one datum.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property, AllowMultiple = true)]
public sealed class ServedAsAttribute(string field) : Attribute
{
    public string Field { get; } = field;
}

/// <summary>A datum no reply serves (say why): the alternative to [ServedAs] for a field that is not record.meta.</summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class NotServedAttribute(string why) : Attribute
{
    public string Why { get; } = why;
}
