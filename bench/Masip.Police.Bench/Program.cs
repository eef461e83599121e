using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Masip.Contracts.Common;
using Masip.Contracts.Police;
using Masip.Police;
using Masip.Police.Bench;
using Masip.Testing;

// dotnet run -c Release --project bench/Masip.Police.Bench -- [--reports 100000] [--batch 1000] [--nominals 300] [--queries 500] [--target http://127.0.0.1:5101]
var options = BenchOptions.Parse(args);
TestBed? bed = null;
GrpcChannel channel;
GrpcChannel chairChannel; // the Griffin meeting's chair decides nominations
if (options.Target is { } target)
{
    channel = Authorised(target, "stac-officer", purpose: null);
    chairChannel = Authorised(target, "meeting-chair", purpose: "griffin");
}
else
{
    // The in-process host finds its content root through MvcTestingAppManifest.json in the working directory.
    Directory.SetCurrentDirectory(AppContext.BaseDirectory);
    bed = new TestBed();
    await bed.InitializeAsync();
    var host = await bed.StartAsync<PoliceHost>(PoliceHost.Name, new Dictionary<string, string?>
    {
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Masip"] = "Warning",
    });
    channel = host.Channel;
    chairChannel = host.ChannelAs("police", "meeting-chair", "griffin");
    Console.WriteLine($"self-hosted police service on database {bed.DatabaseFor(PoliceHost.Name)}");
}

try
{
    var intake = new PoliceIntake.PoliceIntakeClient(channel);
    var reviews = new StacReviews.StacReviewsClient(channel);
    var griffin = new OperationGriffin.OperationGriffinClient(channel);
    var griffinChair = new OperationGriffin.OperationGriffinClient(chairChannel);
    var generator = new SyntheticNight(seed: 20261125, nominalCount: options.Nominals);

    // 1. Operation Griffin: the nominals (about 300 at any time), each from a Tier 3 case.
    var clock = Stopwatch.StartNew();
    await generator.CreateNominalsAsync(intake, reviews, griffin, griffinChair);
    Console.WriteLine($"{options.Nominals} Griffin nominals in {clock.Elapsed.TotalSeconds:0.0} s");

    // 2. The nights: N reports in batches, as the crime system sends them.
    clock.Restart();
    int imported = 0, rejected = 0;
    foreach (var batch in generator.Reports(options.Reports).Chunk(options.Batch))
    {
        var reply = await intake.ImportCrimeReportsAsync(new ImportCrimeReportsRequest { Records = { batch } });
        imported += reply.NewReports;
        rejected += reply.Rejected;
    }
    var seconds = clock.Elapsed.TotalSeconds;
    Console.WriteLine($"imported {imported} reports ({rejected} rejected) in {seconds:0.0} s: {imported / seconds:0} reports/s");

    // 3. The morning: the review queue, with and without filters, against everything stored.
    // Pages 1-20 are reached by following each page's token (keyset paging), collected once here.
    var pageTokens = new List<string> { "" };
    while (pageTokens.Count < 20)
    {
        var next = (await reviews.GetReviewQueueAsync(new GetReviewQueueRequest { Page = new PageRequest { PageSize = 50, PageToken = pageTokens[^1] } })).Page.NextPageToken;
        if (next.Length == 0)
            break;
        pageTokens.Add(next);
    }
    var filters = new Func<int, GetReviewQueueRequest>[]
    {
        _ => new GetReviewQueueRequest(),
        _ => new GetReviewQueueRequest { Offence = "s4A" },
        i => new GetReviewQueueRequest { Borough = SyntheticNight.Boroughs[i % SyntheticNight.Boroughs.Length] },
        _ => new GetReviewQueueRequest { Flag = "online-element" },
        _ => new GetReviewQueueRequest { ReportedFrom = DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) },
        i => new GetReviewQueueRequest { Page = new PageRequest { PageSize = 50, PageToken = pageTokens[i % pageTokens.Count] } },
    };
    await reviews.GetReviewQueueAsync(new GetReviewQueueRequest()); // warm-up
    var names = new[] { "no filter", "offence", "borough", "flag", "last 7 days", "pages 1-20" };
    var latencies = new List<double>(options.Queries);
    var byFilter = names.Select(_ => new List<double>()).ToArray();
    for (var i = 0; i < options.Queries; i++)
    {
        var request = filters[i % filters.Length](i);
        var started = Stopwatch.GetTimestamp();
        await reviews.GetReviewQueueAsync(request);
        var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        latencies.Add(ms);
        byFilter[i % filters.Length].Add(ms);
    }
    latencies.Sort();
    for (var f = 0; f < names.Length; f++)
    {
        byFilter[f].Sort();
        Console.WriteLine($"  {names[f],-12} p50 {Percentile(byFilter[f], 0.50),7:0.0} ms  p99 {Percentile(byFilter[f], 0.99),7:0.0} ms");
    }
    var stored = (await reviews.GetReviewQueueAsync(new GetReviewQueueRequest())).Page.Total;
    Console.WriteLine($"review queue over {stored} reports awaiting review, {options.Nominals} nominals: " +
        $"p50 {Percentile(latencies, 0.50):0.0} ms, p99 {Percentile(latencies, 0.99):0.0} ms ({options.Queries} queries)");
}
finally
{
    if (bed is not null)
        await bed.DisposeAsync();
}

static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

// A running service needs a bearer token: a development token for the role (Development only).
static GrpcChannel Authorised(string target, string role, string? purpose)
{
    var token = Masip.ServiceDefaults.Identity.DevelopmentTokens.Mint("bench", "police", role);
    var credentials = Grpc.Core.CallCredentials.FromInterceptor((_, metadata) =>
    {
        metadata.Add("authorization", $"Bearer {token}");
        if (purpose is not null)
            metadata.Add("x-masip-purpose", purpose);
        return Task.CompletedTask;
    });
    return GrpcChannel.ForAddress(target, new GrpcChannelOptions
    {
        Credentials = Grpc.Core.ChannelCredentials.Create(Grpc.Core.ChannelCredentials.Insecure, credentials),
        UnsafeUseInsecureChannelCallCredentials = true,
    });
}
