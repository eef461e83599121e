using Masip.ServiceDefaults.Tenancy;
using Microsoft.Extensions.Configuration;

namespace Masip.ServiceDefaults.Sharing;

/// <summary>
/// The agreement in force for the force being served: the deployment's agreement, or the one a
/// force signed with its own partners (<c>Masip:Tenancy:Agreements:&lt;force&gt;</c> names its file).
/// Forces differ: one force's partners may share what another's do not.
/// </summary>
public sealed class SharingAgreements
{
    private readonly IReadOnlyDictionary<string, SharingAgreement> _byForce;

    public SharingAgreements(SharingAgreement deployment, IReadOnlyDictionary<string, SharingAgreement> byForce)
    {
        Deployment = deployment;
        _byForce = byForce;
    }

    /// <summary>The deployment's agreement: every force's that has none of its own.</summary>
    public SharingAgreement Deployment { get; }

    /// <summary>The agreement of the force being served.</summary>
    public SharingAgreement Current => _byForce.TryGetValue(Forces.Current, out var own) ? own : Deployment;

    /// <summary>Every agreement in use, each checked against the contracts at start.</summary>
    public IEnumerable<SharingAgreement> All => [Deployment, .. _byForce.Values];

    public static SharingAgreements Load(IConfiguration configuration, Forces forces, string deploymentPath)
    {
        var byForce = new Dictionary<string, SharingAgreement>(StringComparer.Ordinal);
        foreach (var entry in configuration.GetSection(Forces.AgreementsKey).GetChildren())
        {
            if (forces.TenantFor(entry.Key) is null || !forces.Enabled)
                throw new InvalidOperationException(
                    $"{Forces.AgreementsKey}:{entry.Key}: '{entry.Key}' is not one of the forces this deployment serves ({Forces.ForcesKey})");
            if (string.IsNullOrWhiteSpace(entry.Value))
                throw new InvalidOperationException($"{Forces.AgreementsKey}:{entry.Key}: the path of the force's agreement is empty");
            byForce[entry.Key] = SharingAgreement.LoadFile(entry.Value);
        }
        return new SharingAgreements(SharingAgreement.LoadFile(deploymentPath), byForce);
    }
}
