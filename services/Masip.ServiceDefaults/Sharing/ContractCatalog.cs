using System.Reflection;
using Google.Protobuf.Reflection;
using Masip.Contracts.Sharing;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>
/// Every gRPC service and method of the contracts, with the labels the policy reads from them:
/// each method's allowed roles and purposes, each field's data class and subject kind.
/// </summary>
public sealed class ContractCatalog
{
    private readonly Dictionary<string, MethodDescriptor> _methods;

    private ContractCatalog(IReadOnlyList<ServiceDescriptor> services)
    {
        Services = services;
        _methods = services.SelectMany(s => s.Methods).ToDictionary(m => $"/{m.Service.FullName}/{m.Name}");
    }

    public IReadOnlyList<ServiceDescriptor> Services { get; }

    public static ContractCatalog Default { get; } = FromAssembly(typeof(OptionsExtensions).Assembly);

    public static ContractCatalog FromAssembly(Assembly assembly)
    {
        var files = assembly.GetTypes()
            .Select(t => t.GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static))
            .Where(p => p?.PropertyType == typeof(FileDescriptor))
            .Select(p => (FileDescriptor)p!.GetValue(null)!)
            .DistinctBy(f => f.Name);
        return new ContractCatalog(files.SelectMany(f => f.Services).OrderBy(s => s.FullName).ToList());
    }

    /// <summary>The method for a gRPC path ("/masip.police.PoliceReferrals/GetVictimReferral"), if it is ours.</summary>
    public MethodDescriptor? Method(string path) => _methods.GetValueOrDefault(path);

    public static IReadOnlyList<string> AllowedRoles(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(OptionsExtensions.AllowedRoles) is { } roles ? roles.ToList() : [];

    public static IReadOnlyList<string> Purposes(MethodDescriptor method) =>
        method.GetOptions()?.GetExtension(OptionsExtensions.Purposes) is { } purposes ? purposes.ToList() : [];

    public static string? DataClass(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(OptionsExtensions.DataClass) is { Length: > 0 } value ? value : null;

    public static string? SubjectKind(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(OptionsExtensions.Subject) is { Length: > 0 } value ? value : null;
}
