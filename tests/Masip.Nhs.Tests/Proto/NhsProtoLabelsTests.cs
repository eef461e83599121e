using Google.Protobuf.Reflection;
using Masip.Contracts.Nhs;
using Masip.Contracts.Sharing;
using Xunit;

namespace Masip.Nhs.Tests.Proto;

/// <summary>
/// nhs.proto follows the sharing labels: every response field has a data class, every rpc says
/// who may call it and why, and any rpc whose reply can carry clinical detail is nhs/clinician only.
/// </summary>
public sealed class NhsProtoLabelsTests
{
    private static readonly HashSet<string> Classes =
    [
        "record.meta", "officer.identity", "case.summary", "police.intelligence", "griffin.restricted", "perpetrator.identity",
        "perpetrator.address", "victim.identity", "victim.contact", "victim.voice", "clinical.detail", "clinical.risk-summary",
        "probation.record", "audit.trail",
    ];

    private static readonly HashSet<string> Roles =
    [
        "police/stac-officer", "police/meeting-chair", "probation/probation-officer", "nhs/clinician", "advocacy/advocate",
        "any/auditor", "any/service",
    ];

    private static readonly HashSet<string> Purposes = ["dmm", "griffin", "psr", "referral", "case-management", "audit"];

    private static IEnumerable<MethodDescriptor> Methods => NhsReflection.Descriptor.Services.SelectMany(s => s.Methods);

    public static TheoryData<string> MethodNames() => new(Methods.Select(m => m.FullName));

    private static MethodDescriptor Method(string name) => Methods.Single(m => m.FullName == name);

    private static IEnumerable<(string Path, string? Class)> FieldClasses(MessageDescriptor message, string prefix = "")
    {
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            var path = prefix + field.Name;
            yield return (path, field.GetOptions()?.GetExtension(OptionsExtensions.DataClass) is { Length: > 0 } c ? c : null);
            if (field.FieldType == FieldType.Message)
                foreach (var nested in FieldClasses(field.MessageType, path + "."))
                    yield return nested;
        }
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Every_field_of_the_reply_carries_a_known_data_class_and_the_reply_lists_withheld_fields(string name)
    {
        var reply = Method(name).OutputType;

        Assert.All(FieldClasses(reply), f => Assert.True(f.Class is not null && Classes.Contains(f.Class), $"{reply.Name}.{f.Path}: '{f.Class}'"));
        Assert.Equal("withheld_fields", reply.FindFieldByNumber(100)?.Name);
    }

    [Theory]
    [MemberData(nameof(MethodNames))]
    public void Every_rpc_declares_known_roles_and_purposes_and_clinical_detail_is_for_clinicians_only(string name)
    {
        var method = Method(name);
        var roles = method.GetOptions().GetExtension(OptionsExtensions.AllowedRoles).ToList();
        var purposes = method.GetOptions().GetExtension(OptionsExtensions.Purposes).ToList();

        Assert.NotEmpty(roles);
        Assert.NotEmpty(purposes);
        Assert.All(roles, r => Assert.Contains(r, Roles));
        Assert.All(purposes, p => Assert.Contains(p, Purposes));
        if (FieldClasses(method.OutputType).Any(f => f.Class == "clinical.detail"))
            Assert.Equal(["nhs/clinician"], roles);
    }

    [Fact]
    public void Partners_can_read_the_risk_summary_and_it_holds_no_clinical_detail()
    {
        var method = Method("masip.nhs.NhsAssessments.GetRiskSummary");

        Assert.Contains("police/stac-officer", method.GetOptions().GetExtension(OptionsExtensions.AllowedRoles));
        Assert.DoesNotContain(FieldClasses(method.OutputType), f => f.Class == "clinical.detail");
        Assert.Contains(FieldClasses(Method("masip.nhs.NhsAssessments.GetAssessment").OutputType), f => f.Class == "clinical.detail");
    }
}
