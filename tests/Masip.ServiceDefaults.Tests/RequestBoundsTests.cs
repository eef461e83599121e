using Masip.Contracts.Police;
using Masip.ServiceDefaults.Errors;
using Masip.ServiceDefaults.Sharing;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>Every request field has a bound, declared once in its .proto; a value outside it is refused naming the field.</summary>
public sealed class RequestBoundsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_string_number_and_repeated_field_of_every_request_declares_its_bounds()
    {
        var unbounded = ContractCatalog.Default.Services
            .SelectMany(s => s.Methods)
            .SelectMany(m => RequestBounds.Unbounded(m.InputType))
            .Distinct().Order().ToList();

        Assert.Empty(unbounded);
    }

    [Fact]
    public void A_string_too_long_a_NUL_a_replacement_character_and_a_missing_required_field_are_each_named()
    {
        var request = new Masip.Contracts.Audit.WhoSawSubjectRequest { SubjectKind = new string('k', 41), SubjectId = "a\0b" };

        var problems = RequestBounds.Problems(request, Now).Select(p => p.ToString()).ToList();

        Assert.Contains("subject_kind: must be at most 40 characters; got 41", problems);
        Assert.Contains("subject_id: must not contain a NUL character", problems);
        Assert.Empty(RequestBounds.Problems(new Masip.Contracts.Audit.WhoSawSubjectRequest { SubjectKind = "case", SubjectId = "x" }, Now));
        Assert.Equal(["subject_id: is not valid UTF-8 (it holds bytes that are not text)"],
            RequestBounds.Problems(new Masip.Contracts.Audit.WhoSawSubjectRequest { SubjectKind = "case", SubjectId = "x\uFFFDy" }, Now)
                .Select(p => p.ToString()));
        Assert.Equal(["subject_kind: is required", "subject_id: is required"],
            RequestBounds.Problems(new Masip.Contracts.Audit.WhoSawSubjectRequest(), Now).Select(p => p.ToString()));
    }

    [Fact]
    public void The_page_size_is_a_range_and_a_page_token_has_a_length()
    {
        var request = new Masip.Contracts.Audit.WhatUserSawRequest
        {
            ViewerSub = "someone",
            Page = new Masip.Contracts.Common.PageRequest { PageSize = 501, PageToken = new string('t', 600) },
        };

        var problems = RequestBounds.Problems(request, Now).Select(p => p.ToString()).ToList();

        Assert.Contains("page.page_size: must be between 1 and 500; got 501", problems);
        Assert.Contains("page.page_token: must be at most 512 characters; got 600", problems);
    }
}
