using System.Collections;
using System.Globalization;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Masip.Contracts.Sharing;

namespace Masip.ServiceDefaults.Errors;

/// <summary>One field of a request that is outside its bounds: the field's path as the .proto spells it, and why.</summary>
public sealed record BoundsProblem(string Field, string Problem)
{
    public override string ToString() => $"{Field}: {Problem}";
}

/// <summary>
/// Checks a request against the bounds its .proto declares ((masip.bounds): length, count,
/// range, format, plausible dates), and refuses control characters and text that was not UTF-8
/// in every string. Declared once, in the contract; checked here for every call, before the
/// handler, and by the overnight import for every line on its own.
/// </summary>
public static class RequestBounds
{
    public const int DefaultPastYears = 120;

    public static Bounds? Of(FieldDescriptor field) =>
        field.GetOptions()?.HasExtension(OptionsExtensions.Bounds) == true ? field.GetOptions().GetExtension(OptionsExtensions.Bounds) : null;

    /// <summary>Every problem of <paramref name="message"/> (empty when it is within its bounds).</summary>
    public static IReadOnlyList<BoundsProblem> Problems(IMessage message, DateTimeOffset now, string prefix = "")
    {
        var problems = new List<BoundsProblem>();
        Walk(message, prefix, DateOnly.FromDateTime(now.UtcDateTime), problems);
        return problems;
    }

    /// <summary>Throws InvalidArgument for the first problem, naming its field.</summary>
    public static void Check(IMessage message, DateTimeOffset now)
    {
        var problems = Problems(message, now);
        if (problems.Count > 0)
            throw new InvalidFieldException(problems[0].Field, problems[0].Problem);
    }

    private static void Walk(IMessage message, string prefix, DateOnly today, List<BoundsProblem> problems)
    {
        foreach (var field in message.Descriptor.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            var bounds = Of(field);
            var value = field.Accessor.GetValue(message);
            if (field.IsMap)
            {
                var map = (IDictionary)value;
                if (bounds is { MaxItems: > 0 } && map.Count > bounds.MaxItems)
                    problems.Add(new(path, $"at most {bounds.MaxItems} entries; got {map.Count}"));
                continue;
            }
            if (field.IsRepeated)
            {
                var list = (IList)value;
                if (bounds is { MaxItems: > 0 } && list.Count > bounds.MaxItems)
                {
                    // Too many: say so and check no further (10,000 items would be 10,000 problems).
                    problems.Add(new(path, $"at most {bounds.MaxItems} items; got {list.Count}"));
                    continue;
                }
                if (bounds is { MinItems: > 0 } && list.Count < bounds.MinItems)
                    problems.Add(new(path, bounds.MinItems == 1 ? "at least one item is required" : $"at least {bounds.MinItems} items; got {list.Count}"));
                for (var i = 0; i < list.Count; i++)
                    CheckValue(field, bounds, list[i], $"{path}[{i}]", today, problems);
                continue;
            }
            if (field.FieldType == FieldType.Message)
            {
                if (value is IMessage nested)
                    Walk(nested, path + ".", today, problems);
                else if (bounds is { Required: true })
                    problems.Add(new(path, "is required"));
                continue;
            }
            CheckValue(field, bounds, value, path, today, problems);
        }
    }

    private static void CheckValue(FieldDescriptor field, Bounds? bounds, object? value, string path, DateOnly today, List<BoundsProblem> problems)
    {
        switch (value)
        {
            case IMessage nested:
                Walk(nested, path + ".", today, problems);
                break;
            case string text:
                CheckText(bounds, text, path, today, problems);
                break;
            case ByteString bytes:
                if (bounds is { MaxLength: > 0 } && bytes.Length > bounds.MaxLength)
                    problems.Add(new(path, $"must be at most {bounds.MaxLength} bytes; got {bytes.Length}"));
                break;
            case int or long or uint or ulong:
                CheckNumber(bounds, Convert.ToInt64(value, CultureInfo.InvariantCulture), path, problems);
                break;
            case double or float:
                var number = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (double.IsNaN(number) || double.IsInfinity(number))
                    problems.Add(new(path, "must be a finite number"));
                else if (bounds is not null && (number != 0 || bounds.Required) && (number < bounds.Min || number > bounds.Max))
                    problems.Add(new(path, $"must be between {bounds.Min} and {bounds.Max}; got {number.ToString(CultureInfo.InvariantCulture)}"));
                break;
        }
    }

    private static void CheckNumber(Bounds? bounds, long number, string path, List<BoundsProblem> problems)
    {
        if (bounds is null || (number == 0 && !bounds.Required))
            return;
        if (number < bounds.Min || number > bounds.Max)
            problems.Add(new(path, $"must be between {bounds.Min} and {bounds.Max}; got {number}"));
    }

    private static void CheckText(Bounds? bounds, string text, string path, DateOnly today, List<BoundsProblem> problems)
    {
        if (text.Length == 0 || (bounds?.Format is not "text" and not "" and not null && string.IsNullOrWhiteSpace(text)))
        {
            if (bounds is { Required: true })
                problems.Add(new(path, "is required"));
            return;
        }
        if (bounds is { Required: true } && string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(path, "is required"));
            return;
        }
        if (bounds is { MaxLength: > 0 } && text.Length > bounds.MaxLength)
        {
            problems.Add(new(path, $"must be at most {bounds.MaxLength} characters; got {text.Length}"));
            return;
        }
        var format = string.IsNullOrEmpty(bounds?.Format) ? "text" : bounds.Format;
        foreach (var c in text)
        {
            if (c == '\uFFFD')
            {
                problems.Add(new(path, "is not valid UTF-8 (it holds bytes that are not text)"));
                return;
            }
            if (c == '\0' || (char.IsControl(c) && !(format == "text" && c is '\t' or '\n' or '\r')))
            {
                problems.Add(new(path, c == '\0' ? "must not contain a NUL character" : $"must not contain the control character U+{(int)c:X4}"));
                return;
            }
        }
        var trimmed = text.Trim();
        switch (format)
        {
            case "uuid":
                if (!Guid.TryParse(trimmed, out var id) || id == Guid.Empty)
                    problems.Add(new(path, "must be a UUID"));
                break;
            case "date":
                if (!DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                    problems.Add(new(path, "must be a date as yyyy-MM-dd"));
                else
                    CheckPlausible(bounds!, date, path, today, problems);
                break;
            case "instant":
                if (!DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
                    problems.Add(new(path, "must be an RFC 3339 instant"));
                else
                    CheckPlausible(bounds!, DateOnly.FromDateTime(instant.UtcDateTime), path, today, problems);
                break;
        }
    }

    private static void CheckPlausible(Bounds bounds, DateOnly date, string path, DateOnly today, List<BoundsProblem> problems)
    {
        var earliest = today.AddYears(-(bounds.PastYears > 0 ? bounds.PastYears : DefaultPastYears));
        var latest = today.AddDays(bounds.FutureDays);
        if (date < earliest)
            problems.Add(new(path, $"must not be before {earliest:yyyy-MM-dd}"));
        else if (date > latest)
            problems.Add(new(path, bounds.FutureDays == 0 ? "must not be in the future" : $"must not be after {latest:yyyy-MM-dd}"));
    }

    /// <summary>The request fields (string, number, repeated, map) that declare no bounds: the contract check's list.</summary>
    public static IEnumerable<string> Unbounded(MessageDescriptor request) => Unbounded(request, [], "");

    private static IEnumerable<string> Unbounded(MessageDescriptor message, HashSet<string> seen, string prefix)
    {
        if (!seen.Add(message.FullName))
            yield break;
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var bounded = Of(field) is not null;
            var needs = field.IsMap || field.IsRepeated || field.FieldType is not (FieldType.Bool or FieldType.Enum or FieldType.Message or FieldType.Group);
            if (needs && !bounded)
                yield return $"{message.FullName}.{field.Name}";
            if (field.FieldType == FieldType.Message && !field.IsMap)
                foreach (var inner in Unbounded(field.MessageType, seen, prefix))
                    yield return inner;
        }
    }
}

/// <summary>Refuses a request outside its declared bounds before the handler sees it (after the caller is admitted).</summary>
public sealed class RequestBoundsInterceptor(TimeProvider clock) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message)
            RequestBounds.Check(message, clock.GetUtcNow());
        return continuation(request, context);
    }

    /// <summary>Each message of a client stream is checked as it is read (an import's chunks).</summary>
    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        continuation(new CheckingReader<TRequest>(requestStream, clock), context);

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        if (request is IMessage message)
            RequestBounds.Check(message, clock.GetUtcNow());
        return continuation(request, responseStream, context);
    }

    private sealed class CheckingReader<T>(IAsyncStreamReader<T> inner, TimeProvider clock) : IAsyncStreamReader<T>
    {
        public T Current => inner.Current;

        public async Task<bool> MoveNext(CancellationToken cancellationToken)
        {
            if (!await inner.MoveNext(cancellationToken))
                return false;
            if (inner.Current is IMessage message)
                RequestBounds.Check(message, clock.GetUtcNow());
            return true;
        }
    }
}
