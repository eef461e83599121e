using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Client;
using Masip.Advocacy;
using Masip.Meetings;
using Masip.Nhs;
using Masip.Police;
using Masip.Probation;
using Masip.ServiceDefaults.Sharing;
using Masip.Testing;
using Xunit;

namespace Masip.Platform.Tests;

/// <summary>
/// Every gRPC method of every service, called by every role: a role the method does not allow
/// gets PermissionDenied; an allowed one gets past the door (an empty request is then refused
/// as bad input or answered, never Internal). The methods come from the contracts themselves,
/// so a method added to a .proto joins this matrix, and one without roles and purposes fails
/// ContractLabelTests. Which fields each role then sees is ResponseFilterTests' matrix. Every
/// party's every role is tried (each agency's own service account among them), and so are
/// identities the agreement does not know: an agency that is not a party, and a role its agency
/// does not have; those are refused on every method.
/// </summary>
public sealed class AccessMatrixTests(TestBed bed) : IClassFixture<TestBed>
{
    // Refused everywhere: not a party (Unauthenticated), or a role the agency does not have (PermissionDenied).
    private static readonly (string Role, StatusCode Expected)[] Strangers =
    [
        ("mi5/auditor", StatusCode.Unauthenticated),
        ("mi5/service", StatusCode.Unauthenticated),
        ("meetings/meeting-chair", StatusCode.Unauthenticated),
        ("advocacy/stac-officer", StatusCode.PermissionDenied),
        ("nhs/meeting-chair", StatusCode.PermissionDenied),
        ("police/advocate", StatusCode.PermissionDenied),
        ("probation/clinician", StatusCode.PermissionDenied),
    ];

    [Fact]
    public async Task Every_method_admits_exactly_the_roles_it_declares()
    {
        var hosts = new Dictionary<string, Func<string, string, string, GrpcChannel>>
        {
            ["police"] = Channel(await bed.StartAsync<PoliceHost>(PoliceHost.Name)),
            ["probation"] = Channel(await bed.StartAsync<ProbationHost>(ProbationHost.Name)),
            ["nhs"] = Channel(await bed.StartAsync<NhsHost>(NhsHost.Name)),
            ["advocacy"] = Channel(await bed.StartAsync<AdvocacyHost>(AdvocacyHost.Name)),
            ["meetings"] = Channel(await bed.StartAsync<MeetingsHost>(MeetingsHost.Name)),
        };
        var agreement = SharingAgreement.LoadFile(SharingExtensions.DefaultAgreementPath);
        var roles = agreement.Parties.SelectMany(p => p.Value.Select(role => $"{p.Key}/{role}")).ToList();
        Assert.Contains("advocacy/service", roles);
        var failures = new List<string>();
        var checkedCalls = 0;

        foreach (var service in ContractCatalog.Default.Services)
        {
            // masip.<agency>.X is served by that agency; the audit service by every one (police here).
            var agency = service.File.Package.Split('.')[1];
            var channelFor = hosts.GetValueOrDefault(agency) ?? hosts["police"];
            foreach (var method in service.Methods)
            foreach (var role in roles)
            {
                var parts = role.Split('/');
                var allowed = ContractCatalog.AllowedRoles(method) is var declared
                    && (declared.Contains(role) || declared.Contains(SharingAgreement.AnyAgency(role)));
                var purpose = ContractCatalog.Purposes(method).FirstOrDefault() ?? "dmm";
                var status = await Call(channelFor(parts[0], parts[1], purpose), method);
                checkedCalls++;

                if (!allowed && status != StatusCode.PermissionDenied)
                    failures.Add($"{method.FullName} as {role}: expected PermissionDenied, got {status}");
                if (allowed && status is StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.Internal or StatusCode.Unimplemented)
                    failures.Add($"{method.FullName} as {role}: allowed, but got {status}");
            }
            foreach (var method in service.Methods)
            foreach (var (stranger, expected) in Strangers)
            {
                var parts = stranger.Split('/');
                var status = await Call(channelFor(parts[0], parts[1], ContractCatalog.Purposes(method).FirstOrDefault() ?? "dmm"), method);
                checkedCalls++;
                if (status != expected)
                    failures.Add($"{method.FullName} as {stranger}: expected {expected}, got {status}");
            }
        }

        Assert.True(checkedCalls > 0);
        Assert.Empty(failures);
    }

    private static Func<string, string, string, GrpcChannel> Channel<THost>(ServiceUnderTest<THost> host) where THost : class
    {
        var channels = new Dictionary<string, GrpcChannel>();
        return (agency, role, purpose) =>
        {
            var key = $"{agency}/{role}/{purpose}";
            if (!channels.TryGetValue(key, out var channel))
                channels[key] = channel = host.ChannelAs(agency, role, purpose, $"matrix-{agency}-{role}");
            return channel;
        };
    }

    private static async Task<StatusCode> Call(GrpcChannel channel, MethodDescriptor method)
    {
        var request = Marshaller(method.InputType);
        var response = Marshaller(method.OutputType);
        var empty = method.InputType.Parser.ParseFrom(ByteString.Empty);
        var options = new CallOptions(deadline: DateTime.UtcNow.AddSeconds(20));
        var invoker = channel.CreateCallInvoker();
        try
        {
            if (method.IsClientStreaming && method.IsServerStreaming)
            {
                var grpcMethod = new Method<IMessage, IMessage>(MethodType.DuplexStreaming, method.Service.FullName, method.Name, request, response);
                using var call = invoker.AsyncDuplexStreamingCall(grpcMethod, null, options);
                await call.RequestStream.CompleteAsync();
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
            }
            else if (method.IsClientStreaming)
            {
                var grpcMethod = new Method<IMessage, IMessage>(MethodType.ClientStreaming, method.Service.FullName, method.Name, request, response);
                using var call = invoker.AsyncClientStreamingCall(grpcMethod, null, options);
                await call.RequestStream.CompleteAsync();
                await call.ResponseAsync;
            }
            else if (method.IsServerStreaming)
            {
                var grpcMethod = new Method<IMessage, IMessage>(MethodType.ServerStreaming, method.Service.FullName, method.Name, request, response);
                using var call = invoker.AsyncServerStreamingCall(grpcMethod, null, options, empty);
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
            }
            else
            {
                var grpcMethod = new Method<IMessage, IMessage>(MethodType.Unary, method.Service.FullName, method.Name, request, response);
                await invoker.AsyncUnaryCall(grpcMethod, null, options, empty);
            }
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static Marshaller<IMessage> Marshaller(MessageDescriptor descriptor) =>
        Marshallers.Create(message => message.ToByteArray(), bytes => descriptor.Parser.ParseFrom(bytes));
}
