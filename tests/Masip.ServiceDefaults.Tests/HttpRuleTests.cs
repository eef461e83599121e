using Google.Api;
using Google.Protobuf.Reflection;
using Masip.ServiceDefaults.HttpJson;
using Masip.ServiceDefaults.Sharing;
using Xunit;

namespace Masip.ServiceDefaults.Tests;

/// <summary>
/// Every rpc of every service has its HTTP/JSON route, of the one shape
/// (POST /v1/{package}/{Service}/{Method}, the request as the body): a new rpc cannot skip it.
/// </summary>
public sealed class HttpRuleTests
{
    [Fact]
    public void Every_rpc_has_a_post_rule_at_its_uniform_path_with_the_whole_request_as_body()
    {
        var methods = ContractCatalog.Default.Services.SelectMany(s => s.Methods).ToList();

        var wrong = methods.Where(m => !m.IsClientStreaming)
            .Select(m => (Method: m, Rule: Rule(m)))
            .Where(x => x.Rule is not { PatternCase: HttpRule.PatternOneofCase.Post, Body: "*", AdditionalBindings.Count: 0 }
                || x.Rule.Post != HttpJsonExtensions.RoutePath(x.Method))
            .Select(x => $"{x.Method.FullName}: {(x.Rule is null ? "no google.api.http rule" : $"rule {x.Rule}")}; "
                + $"want {{ post: \"{HttpJsonExtensions.RoutePath(x.Method)}\" body: \"*\" }}")
            .ToList();

        Assert.True(methods.Count > 100, $"the catalog holds {methods.Count} methods: it did not find the contracts");
        Assert.Empty(wrong);
    }

    // JSON transcoding carries unary and server-streaming calls only; a client-streaming rpc (the
    // night import) is gRPC alone, and a rule on it would be a route that never answers.
    [Fact]
    public void A_client_streaming_rpc_has_no_rule_and_is_only_the_night_import()
    {
        var streaming = ContractCatalog.Default.Services.SelectMany(s => s.Methods).Where(m => m.IsClientStreaming).ToList();

        Assert.Equal(["masip.police.PoliceIntake.ImportNight"], streaming.Select(m => m.FullName));
        Assert.All(streaming, m => Assert.Null(Rule(m)));
    }

    [Fact]
    public void The_routes_are_unique()
    {
        var paths = ContractCatalog.Default.Services.SelectMany(s => s.Methods)
            .Select(Rule).OfType<HttpRule>().Select(r => r.Post).ToList();

        Assert.Equal(paths.Count, paths.Distinct().Count());
    }

    private static HttpRule? Rule(MethodDescriptor method) =>
        method.GetOptions()?.HasExtension(AnnotationsExtensions.Http) == true
            ? method.GetOptions().GetExtension(AnnotationsExtensions.Http)
            : null;
}
