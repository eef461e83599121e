using System.Globalization;

namespace Masip.ServiceDefaults.Errors;

/// <summary>Validation of request fields; each failure names the field as the .proto spells it.</summary>
public static class Require
{
    public static string Text(string? value, string field, int maxLength = 4000)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidFieldException(field, "is required");
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new InvalidFieldException(field, $"must be at most {maxLength} characters");
        return trimmed;
    }

    public static string? OptionalText(string? value, string field, int maxLength = 4000) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    public static Guid Id(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidFieldException(field, "is required");
        if (!Guid.TryParse(value, out var id) || id == Guid.Empty)
            throw new InvalidFieldException(field, $"must be a UUID, got '{Truncate(value)}'");
        return id;
    }

    public static DateOnly Date(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidFieldException(field, "is required");
        if (!DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new InvalidFieldException(field, $"must be a date as yyyy-MM-dd, got '{Truncate(value)}'");
        return date;
    }

    public static DateTimeOffset Instant(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidFieldException(field, "is required");
        if (!DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
            throw new InvalidFieldException(field, $"must be an RFC 3339 instant, got '{Truncate(value)}'");
        return instant.ToUniversalTime();
    }

    public static T OneOf<T>(string? value, string field, IReadOnlyDictionary<string, T> allowed)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new InvalidFieldException(field, $"is required (one of: {string.Join(", ", allowed.Keys)})");
        if (!allowed.TryGetValue(value.Trim().ToLowerInvariant(), out var result))
            throw new InvalidFieldException(field, $"must be one of: {string.Join(", ", allowed.Keys)}; got '{Truncate(value)}'");
        return result;
    }

    // Echo a little of a bad value so the caller can find it, never a whole field of personal data.
    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "...";
}
