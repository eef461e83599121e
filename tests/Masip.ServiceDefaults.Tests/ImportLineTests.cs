using System.Text;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Imports;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>A file split into lines with a bounded buffer, and each line read alone, its problem naming the field.</summary>
public sealed class ImportLineTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static LineRead<CrimeReportRecord> Read(byte[] line, int max = 1024) =>
        JsonLineReader.Read<CrimeReportRecord>(Split(line, max).Single(), Now);

    private static List<RawLine> Split(byte[] file, int max, int chunk = 7)
    {
        var splitter = new LineSplitter(max);
        var lines = new List<RawLine>();
        for (var offset = 0; offset < file.Length; offset += chunk)
            lines.AddRange(splitter.Push(file.AsSpan(offset, Math.Min(chunk, file.Length - offset))));
        if (splitter.Finish() is { } last)
            lines.Add(last);
        return lines;
    }

    private const string Valid = """
        {"crimeReference":"CRIS-1","reportedOn":"2026-12-01","offenceDate":"2026-11-20","principalClassification":"s4A","victimName":"Test Victim","relationship":"ex-partner","summary":"Synthetic.","officerInCase":"officer-1","borough":"Borough A"}
        """;

    [Fact]
    public void Lines_split_across_chunks_keep_their_numbers_crlf_and_a_last_line_without_newline()
    {
        var lines = Split(Bytes("\uFEFFone\r\ntwo\n\nthree"), max: 16, chunk: 2);

        Assert.Equal([(1, "one"), (2, "two"), (3, ""), (4, "three")], lines.Select(l => (l.Number, Encoding.UTF8.GetString(l.Bytes))));
        Assert.All(lines, l => Assert.False(l.Cut));
    }

    [Fact]
    public void A_line_longer_than_the_limit_keeps_only_its_first_bytes_and_its_length_and_the_next_line_is_whole()
    {
        var lines = Split(Bytes(new string('x', 100) + "\nnext\n"), max: 10, chunk: 3);

        Assert.Equal((1, 10, 100L, true), (lines[0].Number, lines[0].Bytes.Length, lines[0].Length, lines[0].Cut));
        Assert.Equal((2, "next"), (lines[1].Number, Encoding.UTF8.GetString(lines[1].Bytes)));
    }

    [Fact]
    public void A_valid_line_reads_as_its_record_in_proto_or_json_names()
    {
        var camel = Read(Bytes(Valid));
        var snake = Read(Bytes(Valid.Replace("crimeReference", "crime_reference")));

        Assert.Null(camel.Problem);
        Assert.Equal("CRIS-1", camel.Record!.CrimeReference);
        Assert.Equal(camel.Record, snake.Record);
    }

    [Fact]
    public void A_cut_line_names_the_field_its_limit_falls_in()
    {
        var line = Bytes(Valid.Replace("Synthetic.", new string('x', 5000)));

        var read = Read(line, max: 1024);

        Assert.Equal(new LineProblem("summary", $"is too long: the line is {line.Length} bytes and a line may be at most 1024"), read.Problem);
    }

    [Fact]
    public void A_raw_NUL_an_escaped_NUL_and_another_control_character_name_their_field()
    {
        Assert.Equal(new LineProblem("victim_name", "must not contain a NUL character"), Read(Bytes(Valid.Replace("Test Victim", "Test\0Victim"))).Problem);
        Assert.Equal(new LineProblem("victim_name", "must not contain a NUL character"), Read(Bytes(Valid.Replace("Test Victim", "Test\\u0000Victim"))).Problem);
        Assert.Equal(new LineProblem("borough", "must not contain the control character U+0007"), Read(Bytes(Valid.Replace("Borough A", "Borough\aA"))).Problem);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_name_their_field_and_their_position()
    {
        var line = Bytes(Valid);
        var at = Encoding.UTF8.GetString(line).IndexOf("Synthetic", StringComparison.Ordinal);
        line[at] = 0xC3;
        line[at + 1] = 0x28;

        Assert.Equal(new LineProblem("summary", $"is not valid UTF-8 (byte {at + 1} of the line)"), Read(line).Problem);
    }

    [Fact]
    public void An_unknown_field_a_value_of_the_wrong_type_and_a_line_that_is_not_json_are_each_named()
    {
        Assert.Equal(new LineProblem("shoeSize", "is not a field of CrimeReportRecord"), Read(Bytes(Valid.Replace("\"summary\"", "\"shoeSize\":42,\"summary\""))).Problem);
        Assert.Equal("domestic_abuse", Read(Bytes(Valid.Replace("\"summary\"", "\"domesticAbuse\":\"often\",\"summary\""))).Problem!.Field);
        Assert.Equal("json", Read(Bytes("{ not json")).Problem!.Field);
        Assert.Equal("json", Read(Bytes("[1, 2]")).Problem!.Field);
    }

    [Fact]
    public void Declared_bounds_refuse_an_absurd_date_and_an_oversized_field_with_the_record_kept_for_its_reference()
    {
        var ancient = Read(Bytes(Valid.Replace("2026-11-20", "0001-01-01")));
        var future = Read(Bytes(Valid.Replace("2026-11-20", "2027-01-01")));
        var oversized = Read(Bytes(Valid.Replace("Borough A", new string('b', 101))), max: 4096);

        Assert.Equal(new LineProblem("offence_date", "must not be before 2006-12-02"), ancient.Problem);
        Assert.Equal("CRIS-1", ancient.Record!.CrimeReference);
        Assert.Equal(new LineProblem("offence_date", "must not be in the future"), future.Problem);
        Assert.Equal(new LineProblem("borough", "must be at most 100 characters; got 101"), oversized.Problem);
    }

    [Fact]
    public void Blank_lines_are_blank()
    {
        Assert.True(JsonLineReader.IsBlank(Split(Bytes("  \t\r\n"), 16).Single()));
        Assert.False(JsonLineReader.IsBlank(Split(Bytes(" {}"), 16).Single()));
    }
}
