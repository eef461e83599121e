using Google.Protobuf.Reflection;
using Masip.Contracts.Meetings;
using Xunit;

namespace Masip.Meetings.Tests;

/// <summary>Who acted is the token's subject (issue 12.2): no meetings request names the acting user.</summary>
public sealed class ContractTests_Requests
{
    [Fact]
    public void No_meetings_request_has_a_field_for_who_acted()
    {
        var seen = new HashSet<string>();
        var fields = new List<string>();
        void Walk(MessageDescriptor message)
        {
            if (!seen.Add(message.FullName))
                return;
            foreach (var field in message.Fields.InFieldNumberOrder())
            {
                fields.Add($"{message.Name}.{field.Name}");
                if (field.FieldType == FieldType.Message)
                    Walk(field.MessageType);
            }
        }
        foreach (var method in MeetingsReflection.Descriptor.Services.SelectMany(s => s.Methods))
            Walk(method.InputType);

        Assert.Contains("AssignActionRequest.assignee", fields);
        Assert.DoesNotContain(fields, f => System.Text.RegularExpressions.Regex.IsMatch(f, @"\.\w+_by$"));
    }
}
