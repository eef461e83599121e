namespace Masip.Cli;

/// <summary>A plain-text table: a header row, a rule, the rows; columns as wide as their widest cell.</summary>
public sealed class Table(params string[] headers)
{
    private const int MaxCell = 48;
    private readonly List<string[]> _rows = [];

    public Table Row(params object?[] cells)
    {
        _rows.Add([.. cells.Select(Text)]);
        return this;
    }

    private static string Text(object? value)
    {
        var text = value switch
        {
            null => "",
            bool b => b ? "yes" : "",
            IEnumerable<string> list when value is not string => string.Join(",", list),
            _ => value.ToString() ?? "",
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length > MaxCell ? text[..(MaxCell - 1)] + "…" : text;
    }

    public void WriteTo(TextWriter writer, string empty = "(none)")
    {
        if (_rows.Count == 0)
        {
            writer.WriteLine(empty);
            return;
        }
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Max(r => i < r.Length ? r[i].Length : 0))).ToArray();
        string Line(IReadOnlyList<string> cells) => string.Join("  ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        writer.WriteLine(Line(headers));
        writer.WriteLine(Line([.. widths.Select(w => new string('-', w))]));
        foreach (var row in _rows)
            writer.WriteLine(Line(row));
    }
}
