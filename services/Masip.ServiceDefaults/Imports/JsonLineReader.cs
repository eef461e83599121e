using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Masip.ServiceDefaults.Errors;

namespace Masip.ServiceDefaults.Imports;

/// <summary>Why one line of an import is refused: the field at fault (as the .proto spells it) and what is wrong.</summary>
public sealed record LineProblem(string Field, string Problem)
{
    /// <summary>The field of a line that is not even a JSON object.</summary>
    public const string Json = "json";

    /// <summary>The field of a line whose fault lies before any field.</summary>
    public const string Line = "line";

    public override string ToString() => $"{Field}: {Problem}";
}

/// <summary>One line read: the record, or the problem that refuses it (with the record when only its bounds failed).</summary>
public sealed record LineRead<T>(T? Record, LineProblem? Problem) where T : class;

/// <summary>
/// Reads one line of an import file as one JSON object of a contract message (proto field names or
/// lowerCamelCase), deciding the line alone: a line cut at the splitter's limit, bytes that are not
/// UTF-8, a NUL or another control character, a field the message does not have, a value of the
/// wrong type, or a value outside the field's declared bounds (RequestBounds) is a problem naming
/// the field it lies in. The value itself is never quoted back.
/// </summary>
public static class JsonLineReader
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default);

    public static bool IsBlank(RawLine line) =>
        !line.Cut && line.Bytes.AsSpan().IndexOfAnyExcept(" \t\r"u8) < 0;

    public static LineRead<T> Read<T>(RawLine line, DateTimeOffset now) where T : class, IMessage<T>, new()
    {
        var descriptor = new T().Descriptor;
        var bytes = line.Bytes.AsSpan();
        if (line.Cut)
            return Refused<T>(FieldAt(bytes, descriptor),
                $"is too long: the line is {line.Length} bytes and a line may be at most {bytes.Length}");

        if (FirstInvalidUtf8(bytes) is { } invalid)
            return Refused<T>(FieldAt(bytes[..invalid], descriptor), $"is not valid UTF-8 (byte {invalid + 1} of the line)");
        var control = bytes.IndexOfAnyInRange((byte)0, (byte)0x1F);
        while (control >= 0 && bytes[control] is (byte)'\t' or (byte)'\r')
        {
            var next = bytes[(control + 1)..].IndexOfAnyInRange((byte)0, (byte)0x1F);
            control = next < 0 ? -1 : control + 1 + next;
        }
        if (control >= 0)
            return Refused<T>(FieldAt(bytes[..control], descriptor), bytes[control] == 0
                ? "must not contain a NUL character"
                : $"must not contain the control character U+{bytes[control]:X4}");
        var text = Strict.GetString(bytes);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException ex)
        {
            return Refused<T>(LineProblem.Json, $"the line is not a JSON object ({Shorten(ex.Message)})");
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return Refused<T>(LineProblem.Json, "the line is not a JSON object");
            foreach (var property in document.RootElement.EnumerateObject())
                if (FieldNamed(descriptor, property.Name) is null)
                    return Refused<T>(Printable(property.Name), $"is not a field of {descriptor.Name}");

            T record;
            try
            {
                record = Parser.Parse<T>(text);
            }
            catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
            {
                return Refused<T>(WrongTypeField<T>(document.RootElement, descriptor), $"has a value of the wrong type ({Shorten(ex.Message)})");
            }
            var problems = RequestBounds.Problems(record, now);
            return new LineRead<T>(record, problems.Count > 0 ? new LineProblem(problems[0].Field, problems[0].Problem) : null);
        }
    }

    private static LineRead<T> Refused<T>(string field, string problem) where T : class => new(null, new LineProblem(field, problem));

    /// <summary>The top-level field whose value <paramref name="prefix"/> ends in: the last property name it opens.</summary>
    public static string FieldAt(ReadOnlySpan<byte> prefix, MessageDescriptor descriptor)
    {
        var reader = new Utf8JsonReader(prefix, isFinalBlock: false, state: default);
        string? last = null;
        try
        {
            while (reader.Read())
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1)
                    last = reader.GetString();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // The prefix is not JSON from here on: the last field opened is still the best name.
        }
        return last is null ? LineProblem.Line : FieldNamed(descriptor, last)?.Name ?? Printable(last);
    }

    private static FieldDescriptor? FieldNamed(MessageDescriptor descriptor, string name) =>
        descriptor.FindFieldByName(name) ?? descriptor.Fields.InFieldNumberOrder().FirstOrDefault(f => f.JsonName == name);

    // The value of the wrong type: each field parsed alone until one fails.
    private static string WrongTypeField<T>(JsonElement root, MessageDescriptor descriptor) where T : class, IMessage<T>, new()
    {
        foreach (var property in root.EnumerateObject())
        {
            try
            {
                Parser.Parse<T>($"{{{JsonSerializer.Serialize(property.Name)}:{property.Value.GetRawText()}}}");
            }
            catch (Exception ex) when (ex is InvalidJsonException or InvalidProtocolBufferException or FormatException)
            {
                return FieldNamed(descriptor, property.Name)?.Name ?? Printable(property.Name);
            }
        }
        return LineProblem.Json;
    }

    private static int? FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes))
            return null;
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != System.Buffers.OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return null;
    }

    // A name from the file echoed back: printable ASCII, cut short (a hostile line must not fill the report).
    private static string Printable(string name)
    {
        var text = new string([.. name.Take(40).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return name.Length > 40 ? text + "..." : text;
    }

    private static string Shorten(string message) => message.Length > 160 ? message[..160] + "..." : message;
}
