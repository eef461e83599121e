namespace Masip.Meetings.Agenda.Candidates;

/// <summary>What the DMM calls each police clock (ClockDueV1.Kind).</summary>
public static class ClockNames
{
    public static string Of(string kind) => kind switch
    {
        "interim-spo" => "interim SPO application",
        "full-spo" => "full SPO application",
        "breach-response" => "response to a breach of an order",
        "s2a-limit" => "s2A prosecution time limit",
        "victim-update" => "victim update",
        _ => kind,
    };
}
