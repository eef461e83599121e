namespace Masip.Cli;

/// <summary>A one-line progress bar on the error output, redrawn in place.</summary>
public sealed class ProgressBar(TextWriter writer, int total, string unit = "lines")
{
    private const int Width = 30;

    public void Report(int done)
    {
        var filled = total == 0 ? Width : (int)((long)done * Width / total);
        writer.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {done}/{total} {unit}");
        writer.Flush();
    }

    public void Done() => writer.WriteLine();
}
