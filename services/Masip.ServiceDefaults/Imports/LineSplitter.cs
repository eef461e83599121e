namespace Masip.ServiceDefaults.Imports;

/// <summary>
/// One line of an imported file as bytes: its number (the first line is 1), at most the splitter's
/// limit of its bytes, and its whole length. A line longer than the limit is <see cref="Cut"/>: only
/// its first bytes are kept, the rest skipped up to the next newline.
/// </summary>
public sealed record RawLine(int Number, byte[] Bytes, long Length)
{
    public bool Cut => Length > Bytes.Length;
}

/// <summary>
/// Splits a file that arrives in chunks into lines ('\n', an optional '\r' before it), holding at
/// most <paramref name="maxLineBytes"/> of any line: a 20 MB line costs its first bytes and a
/// count, never 20 MB of memory. A UTF-8 byte order mark at the start of the file is dropped.
/// </summary>
public sealed class LineSplitter(int maxLineBytes)
{
    private readonly byte[] _line = new byte[maxLineBytes];
    private int _held;
    private long _length;
    private int _number;

    public int MaxLineBytes => maxLineBytes;

    /// <summary>Lines read so far, blank ones included.</summary>
    public int Lines => _number;

    /// <summary>Bytes read so far.</summary>
    public long Bytes { get; private set; }

    /// <summary>The lines the chunk completes, in order.</summary>
    public IReadOnlyList<RawLine> Push(ReadOnlySpan<byte> chunk)
    {
        Bytes += chunk.Length;
        var lines = new List<RawLine>();
        while (chunk.Length > 0)
        {
            var end = chunk.IndexOf((byte)'\n');
            var part = end < 0 ? chunk : chunk[..end];
            Hold(part);
            if (end < 0)
                break;
            lines.Add(Complete());
            chunk = chunk[(end + 1)..];
        }
        return lines;
    }

    /// <summary>The last line, when the file does not end with a newline.</summary>
    public RawLine? Finish() => _length > 0 ? Complete() : null;

    private void Hold(ReadOnlySpan<byte> part)
    {
        var room = Math.Min(part.Length, _line.Length - _held);
        part[..room].CopyTo(_line.AsSpan(_held));
        _held += room;
        _length += part.Length;
    }

    private RawLine Complete()
    {
        var held = _held;
        var length = _length;
        // "\r\n": the '\r' belongs to the line break (only when it was held, i.e. the line is not cut).
        if (held == length && held > 0 && _line[held - 1] == (byte)'\r')
        {
            held--;
            length--;
        }
        // A byte order mark (possibly split across chunks) is not part of the first line.
        var start = _number == 0 && _line.AsSpan(0, held).StartsWith("\uFEFF"u8) ? 3 : 0;
        var line = new RawLine(++_number, _line.AsSpan(start, held - start).ToArray(), length - start);
        _held = 0;
        _length = 0;
        return line;
    }
}
