using System.Net;
using System.Text;
using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Masip.ServiceDefaults.HttpJson;

namespace Masip.Testing;

/// <summary>
/// Calls an rpc over its HTTP/JSON route (POST /v1/{package}/{Service}/{Method}), the request
/// written and the reply read in the proto3 JSON mapping, as any HTTP client would.
/// </summary>
public static class HttpJson
{
    /// <summary>The raw answer: for a status test, or to read the JSON as it is.</summary>
    public static Task<HttpResponseMessage> PostAsync(HttpClient client, ServiceDescriptor service, string method, IMessage request) =>
        client.PostAsync(HttpJsonExtensions.RoutePath(Method(service, method)), Body(JsonFormatter.Default.Format(request)));

    /// <summary>The same with a body written by hand (a field of the wrong type, an unknown field).</summary>
    public static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, ServiceDescriptor service, string method, string json) =>
        client.PostAsync(HttpJsonExtensions.RoutePath(Method(service, method)), Body(json));

    /// <summary>The reply, parsed strictly (an unknown field fails); a status other than 200 throws with its body.</summary>
    public static async Task<TReply> CallAsync<TReply>(HttpClient client, ServiceDescriptor service, string method, IMessage request)
        where TReply : IMessage<TReply>, new()
    {
        var descriptor = Method(service, method);
        if (descriptor.OutputType.ClrType != typeof(TReply))
            throw new ArgumentException($"{descriptor.FullName} answers {descriptor.OutputType.FullName}, not {typeof(TReply).Name}");
        using var response = await PostAsync(client, service, method, request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            throw new HttpRequestException($"{descriptor.FullName} over HTTP answered {(int)response.StatusCode}: {body}", null, response.StatusCode);
        return JsonParser.Default.Parse<TReply>(body);
    }

    /// <summary>The error body of a refused call: the gRPC status's code and message (google.rpc.Status as JSON).</summary>
    public static async Task<(int Code, string Message)> ErrorAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return (json.RootElement.GetProperty("code").GetInt32(), json.RootElement.GetProperty("message").GetString() ?? "");
    }

    private static MethodDescriptor Method(ServiceDescriptor service, string method) =>
        service.FindMethodByName(method) ?? throw new ArgumentException($"{service.FullName} has no method {method}");

    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");
}
