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
