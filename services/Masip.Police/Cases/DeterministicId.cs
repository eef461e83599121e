using System.Security.Cryptography;
using System.Text;

namespace Masip.Police.Cases;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1) so that the same crime reference, suspect key or
/// nominal always finds the same stream: re-importing a night finds the reports it already holds.
/// </summary>
public static class DeterministicId
{
    // A namespace of our own for MASIP police names.
    private static readonly Guid Namespace = Guid.Parse("3b1c6f0e-6d7a-4f2b-9a51-2f0c4c7e9d10");

    public static Guid For(string kind, string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(kind + ":" + name);
        var namespaceBytes = Namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. namespaceBytes, .. nameBytes]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid CaseFor(string crimeReference) => For("crime-report", crimeReference.Trim().ToUpperInvariant());
}
