using Masip.Contracts.Messages;
using Masip.ServiceDefaults.Sharing;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>Nothing leaves an agency unclassified, and no message reaches a service that may not hold it.</summary>
public sealed class ContractLabelTests
{
    [Fact]
    public void Every_method_of_every_service_states_roles_and_purposes_and_labels_every_reply_field()
    {
        var methods = ContractCatalog.Default.Services.SelectMany(s => s.Methods).ToList();

        var problems = ContractCheck.Methods(methods, Agreement.Shipped);

        Assert.NotEmpty(methods);
        Assert.Empty(problems);
    }

    [Fact]
    public void Every_integration_message_is_labelled_and_fits_every_receiver()
    {
        var messages = ContractCheck.MessageTypes(typeof(ReceivedByAttribute).Assembly).ToList();

        var problems = messages.SelectMany(m => ContractCheck.Message(m, Agreement.Shipped)).ToList();

        Assert.Contains(typeof(VictimReferredToAdvocacyV1), messages);
        Assert.Empty(problems);
    }

    /// <summary>One class for one datum: a message carries each datum in the class of the replies that serve it.</summary>
    [Fact]
    public void Every_message_field_that_carries_a_served_datum_has_the_class_of_the_reply_fields_that_serve_it()
    {
        var messages = ContractCheck.MessageTypes(typeof(ReceivedByAttribute).Assembly).ToList();

        var problems = messages.SelectMany(m => ContractCheck.ServedAs(m, ReplyFields)).ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [ReceivedBy("meetings")]
    private sealed record TierReasonAsSummaryV1(
        [DataClass("record.meta")] Guid CaseId,
        [DataClass("case.summary"), ServedAs("masip.police.TierHistoryEntry.reason")] string Reason,
        [DataClass("case.summary"), ServedAs("masip.police.TierHistoryEntry.no_such_field")] string Note,
        [DataClass("case.summary")] string Detail,
        [DataClass("case.summary"), NotServed("composed for the message")] string Headline);

    [Fact]
    public void A_datum_in_another_class_than_its_reply_an_unknown_reply_field_and_an_undeclared_datum_are_refused()
    {
        var problems = ContractCheck.ServedAs(typeof(TierReasonAsSummaryV1), ReplyFields);

        Assert.Equal([
            "TierReasonAsSummaryV1.Reason: 'case.summary' but masip.police.TierHistoryEntry.reason serves it as 'police.intelligence'",
            "TierReasonAsSummaryV1.Note: [ServedAs(\"masip.police.TierHistoryEntry.no_such_field\")] names no proto field",
            "TierReasonAsSummaryV1.Detail: 'case.summary' with no [ServedAs] naming the reply fields that serve it, nor [NotServed]",
        ], problems);
    }

    private static IReadOnlyDictionary<string, Google.Protobuf.Reflection.FieldDescriptor> ReplyFields { get; } =
        ContractCheck.ProtoFields(WithDependencies(ContractCatalog.Default.Services.Select(s => s.File)).DistinctBy(f => f.Name));

    private static IEnumerable<Google.Protobuf.Reflection.FileDescriptor> WithDependencies(IEnumerable<Google.Protobuf.Reflection.FileDescriptor> files) =>
        files.SelectMany(f => WithDependencies(f.Dependencies).Prepend(f));

    [ReceivedBy("advocacy")]
    private sealed record NominalForAdvocacyV1(
        [DataClass("record.meta")] Guid NominalId,
        [DataClass("griffin.restricted")] string Rationale);

    [ReceivedBy("probation", "advocacy")]
    private sealed record UnlabelledV1([DataClass("record.meta")] Guid Id, string Notes);

    [Fact]
    public void A_message_to_advocacy_carrying_a_griffin_restricted_field_is_refused()
    {
        var problems = ContractCheck.Message(typeof(NominalForAdvocacyV1), Agreement.Shipped);

        Assert.Equal(["NominalForAdvocacyV1.Rationale: advocacy may not hold 'griffin.restricted'"], problems);
    }

    [Fact]
    public void A_message_field_without_a_class_is_refused()
    {
        var problems = ContractCheck.Message(typeof(UnlabelledV1), Agreement.Shipped);

        Assert.Equal(["UnlabelledV1.Notes: no [DataClass]"], problems);
    }

    [Fact]
    public void A_message_names_its_subjects_for_the_audit()
    {
        var message = new VictimReferredToAdvocacyV1(Guid.Parse("0a4a8e0e-5d52-4b36-9d4e-4b0e5a9c1f10"), "CRIS-1", "Synthetic Victim",
            null, null, "support", "officer-1", DateTimeOffset.UnixEpoch);

        Assert.Equal([("referral", "0a4a8e0e-5d52-4b36-9d4e-4b0e5a9c1f10")], ContractCheck.Subjects(message));
    }
}
