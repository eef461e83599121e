using System.Collections;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Masip.Contracts.Police;
using Masip.ServiceDefaults.Sharing;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>
/// The gRPC exit, exhaustively: for every reply of every method of every service, every role
/// and every purpose, a fully populated reply keeps exactly the fields the agreement allows and
/// marks every other one as withheld. A method added to the contracts is covered automatically.
/// </summary>
public sealed class ResponseFilterTests
{
    public static TheoryData<string> Replies()
    {
        var data = new TheoryData<string>();
        foreach (var type in ContractCatalog.Default.Services.SelectMany(s => s.Methods).Select(m => m.OutputType.FullName).Distinct())
            data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(Replies))]
    public void A_reply_keeps_exactly_what_the_caller_may_see(string replyType)
    {
        var descriptor = ContractCatalog.Default.Services.SelectMany(s => s.Methods).First(m => m.OutputType.FullName == replyType).OutputType;
        var agreement = Agreement.Shipped;

        foreach (var role in agreement.Roles.Select(r => r.Replace("any/", "police/")))
        foreach (var purpose in agreement.Purposes)
        {
            var full = Populated(descriptor);
            var filtered = descriptor.Parser.ParseFrom(full.ToByteString());

            var result = ResponseFilter.Apply(filtered, c => agreement.MaySee(role, c, purpose), agreement.IsPersonal);

            var expectedWithheld = new List<string>();
            Compare(full, filtered, "", c => agreement.MaySee(role, c, purpose), expectedWithheld);
            Assert.Equal(expectedWithheld, result.Withheld);
            var marker = (IList)descriptor.FindFieldByName(ResponseFilter.WithheldField).Accessor.GetValue(filtered);
            Assert.Equal(expectedWithheld, marker.Cast<string>().ToList());
        }
    }

    [Fact]
    public void A_probation_officer_reading_a_victim_referral_for_the_DMM_gets_no_contact_details_and_is_told_so()
    {
        var reply = new VictimReferralReply
        {
            ReferralId = Guid.NewGuid().ToString(), CrimeReference = "CRIS-1", VictimName = "Synthetic Victim",
            VictimPhone = "07700 900123", VictimEmail = "victim@example.invalid", Reason = "support", ReferredBy = "officer-1",
            ReferredAt = "2026-11-25T07:00:00.000Z",
        };

        var result = ResponseFilter.Apply(reply, c => Agreement.Shipped.MaySee("probation/probation-officer", c, "dmm"), Agreement.Shipped.IsPersonal);

        Assert.Equal(["victim_phone", "victim_email"], reply.WithheldFields);
        Assert.Equal("", reply.VictimPhone);
        Assert.Equal("", reply.VictimEmail);
        Assert.Equal("Synthetic Victim", reply.VictimName);
        Assert.Contains("victim.identity", result.DisclosedClasses);
        Assert.DoesNotContain("victim.contact", result.DisclosedClasses);
        Assert.Equal([("referral", reply.ReferralId)], result.Subjects);
    }

    // Walks the populated reply beside the filtered one: each field is kept iff its class is
    // allowed (within kept parents), otherwise cleared and listed, in field order.
    private static void Compare(IMessage full, IMessage filtered, string prefix, Func<string, bool> maySee, List<string> withheld)
    {
        foreach (var field in full.Descriptor.Fields.InFieldNumberOrder())
        {
            if (prefix.Length == 0 && field.Name == ResponseFilter.WithheldField)
                continue;
            var allowed = ContractCatalog.DataClass(field) is { } dataClass && maySee(dataClass);
            var after = field.Accessor.GetValue(filtered);
            if (!allowed)
            {
                Assert.True(IsEmpty(after), $"{prefix}{field.Name} should have been withheld");
                withheld.Add(prefix + field.Name);
                continue;
            }
            Assert.False(IsEmpty(after), $"{prefix}{field.Name} should have been kept");
            if (field.FieldType != FieldType.Message || field.IsMap)
                continue;
            if (field.IsRepeated)
            {
                var before = (IList)field.Accessor.GetValue(full);
                for (var i = 0; i < before.Count; i++)
                    Compare((IMessage)before[i]!, (IMessage)((IList)after)[i]!, $"{prefix}{field.Name}[{i}].", maySee, withheld);
            }
            else
            {
                Compare((IMessage)field.Accessor.GetValue(full), (IMessage)after, $"{prefix}{field.Name}.", maySee, withheld);
            }
        }
    }

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        IList list => list.Count == 0,
        IDictionary map => map.Count == 0,
        string s => s.Length == 0,
        bool b => !b,
        ByteString bytes => bytes.IsEmpty,
        int or long or uint or ulong or double or float => Convert.ToDouble(value) == 0,
        Enum e => Convert.ToInt32(e) == 0,
        _ => false,
    };

    /// <summary>A reply with every field set (one element in each list), nested replies too.</summary>
    private static IMessage Populated(MessageDescriptor descriptor, int depth = 0)
    {
        var message = descriptor.Parser.ParseFrom(ByteString.Empty);
        foreach (var field in descriptor.Fields.InFieldNumberOrder())
        {
            if (depth == 0 && field.Name == ResponseFilter.WithheldField)
                continue;
            var value = SampleValue(field, depth);
            if (value is null)
                continue;
            if (field.IsMap)
                continue;
            if (field.IsRepeated)
                ((IList)field.Accessor.GetValue(message)).Add(value);
            else
                field.Accessor.SetValue(message, value);
        }
        return message;
    }

    private static object? SampleValue(FieldDescriptor field, int depth) => field.FieldType switch
    {
        FieldType.String => "x",
        FieldType.Bool => true,
        FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => 7,
        FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => 7L,
        FieldType.UInt32 or FieldType.Fixed32 => 7u,
        FieldType.UInt64 or FieldType.Fixed64 => 7ul,
        FieldType.Double => 7.0,
        FieldType.Float => 7.0f,
        FieldType.Bytes => ByteString.CopyFromUtf8("x"),
        FieldType.Enum => field.EnumType.Values.Count > 1 ? field.EnumType.Values[1].Number : null,
        FieldType.Message when depth < 4 => Populated(field.MessageType, depth + 1),
        _ => null,
    };
}
