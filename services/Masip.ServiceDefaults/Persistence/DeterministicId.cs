using System.Security.Cryptography;
using System.Text;

namespace Masip.ServiceDefaults.Persistence;

/// <summary>
/// The one way MASIP derives an id from a natural key: a name-based UUID (RFC 9562 version 5,
/// SHA-1) in a namespace of its own per kind ("crime-report", "advocate-caseload", ...). The same
/// crime reference always finds the same stream, so re-importing a night finds what it holds;
/// two kinds never collide even when their names do.
/// </summary>
public static class DeterministicId
{
    // The root namespace of MASIP names; each kind's namespace is derived from it.
    private static readonly Guid Root = Guid.Parse("3b1c6f0e-6d7a-4f2b-9a51-2f0c4c7e9d10");

    public static Guid For(string kind, string name) => V5(V5(Root, kind), name);

    /// <summary>An id derived from another id and a name (a follow-on message of an event, say).</summary>
    public static Guid For(string kind, Guid parent, string name) => For(kind, $"{parent:N}/{name}");

    private static Guid V5(Guid @namespace, string name)
    {
        var namespaceBytes = @namespace.ToByteArray(bigEndian: true);
        var hash = SHA1.HashData([.. namespaceBytes, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
