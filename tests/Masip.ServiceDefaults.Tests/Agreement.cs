using Masip.ServiceDefaults.Sharing;

namespace Masip.ServiceDefaults.Tests;

/// <summary>The agreement the services ship with (deploy/sharing/agreement.yaml, copied beside the binaries).</summary>
internal static class Agreement
{
    public static SharingAgreement Shipped { get; } = SharingAgreement.LoadFile(SharingExtensions.DefaultAgreementPath);
}
