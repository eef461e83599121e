using Grpc.Core;

namespace Masip.ServiceDefaults.Caseload;

/// <summary>
/// "Why are you looking?" for a record outside one's caseload: the header
/// <c>x-masip-access-reason: CODE</c> or <c>CODE: free text</c>. The code is one of <see cref="Codes"/>;
/// the text is at most <see cref="MaxTextLength"/> characters of one line. Stored in the disclosure
/// audit entry of the read (as "access-reason: CODE: text") and shown by WhoSawSubject.
/// </summary>
public sealed record AccessReason(string Code, string Text)
{
    public const string Header = "x-masip-access-reason";
    public const string AuditPrefix = "access-reason: ";
    public const int MaxTextLength = 300;

    /// <summary>The reasons a practitioner may give for reading a record someone else holds.</summary>
    public static readonly IReadOnlyList<string> Codes =
    [
        "covering-colleague",   // the assigned colleague is away; covering their work
        "safeguarding-concern", // a new risk to the victim or a child, needing the record now
        "meeting-preparation",  // preparing the DMM/Griffin/MAPPA item the record is on
        "partner-request",      // answering a partner agency's request about the person
        "supervision",          // reviewing a colleague's work as their supervisor
        "data-quality",         // correcting or linking records (duplicates, wrong person)
    ];

    public override string ToString() => Text.Length == 0 ? Code : $"{Code}: {Text}";

    /// <summary>The header's reason, null without one; InvalidArgument naming the header when it is malformed.</summary>
    public static AccessReason? From(Metadata headers)
    {
        var raw = headers.GetValue(Header)?.Trim();
        if (string.IsNullOrEmpty(raw))
            return null;
        var colon = raw.IndexOf(':');
        var code = (colon < 0 ? raw : raw[..colon]).Trim().ToLowerInvariant();
        var text = colon < 0 ? "" : raw[(colon + 1)..].Trim();
        if (!Codes.Contains(code))
            throw Invalid($"the reason code must be one of {string.Join(", ", Codes)} (then optionally ': ' and a few words)");
        if (text.Length > MaxTextLength)
            throw Invalid($"the text after the code must be at most {MaxTextLength} characters");
        if (text.Any(char.IsControl))
            throw Invalid("the text must be one line without control characters");
        return new AccessReason(code, text);
    }

    private static RpcException Invalid(string why) => new(new Status(StatusCode.InvalidArgument, $"{Header}: {why}"));
}
