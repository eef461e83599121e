using System.Globalization;

namespace Masip.ServiceDefaults.Errors;

/// <summary>How instants and dates are written on the wire (see common.proto).</summary>
public static class Formats
{
    public static string Instant(DateTimeOffset value) =>
        value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
