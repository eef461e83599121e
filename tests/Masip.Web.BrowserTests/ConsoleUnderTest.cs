using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;

namespace Masip.Web.BrowserTests;

/// <summary>
/// The web console on a real loopback port (a browser needs one), calling the in-process
/// services through their test servers, and Debian's chromium driven by Playwright.
/// </summary>
public sealed class ConsoleUnderTest : IAsyncDisposable
{
    /// <summary>Debian's chromium: no browser download is possible here, so Playwright is pointed at it.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private readonly WebApplication _app;
    private readonly IPlaywright _playwright;
    private readonly string _contentRoot;

    private ConsoleUnderTest(WebApplication app, IPlaywright playwright, IBrowser browser, string contentRoot)
    {
        _app = app;
        _playwright = playwright;
        Browser = browser;
        _contentRoot = contentRoot;
        Address = app.Urls.First();
    }

    public IBrowser Browser { get; }
    public string Address { get; }

    /// <summary>Starts the console against the services this test hosts (by name); a call to any other service fails the test.</summary>
    public static Task<ConsoleUnderTest> StartAsync(params (string Service, Microsoft.AspNetCore.TestHost.TestServer Server)[] hosted)
    {
        var channels = hosted.ToDictionary(h => h.Service,
            h => GrpcChannel.ForAddress(h.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = h.Server.CreateHandler() }));
        return StartAsync(service => channels.TryGetValue(service, out var channel)
            ? channel
            : throw new InvalidOperationException($"{service} is not hosted in this test"));
    }

    /// <summary>Starts the console with a channel per service from <paramref name="channels"/>.</summary>
    public static async Task<ConsoleUnderTest> StartAsync(Func<string, GrpcChannel> channels)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: `apt-get install -y chromium` (deploy/masip test installs it)");
        // An empty content root: the test's output folder holds the services' appsettings.json (their Kestrel ports).
        var contentRoot = Directory.CreateTempSubdirectory("masip-web-").FullName;
        var builder = WebConsole.CreateBuilder([], new WebApplicationOptions
        {
            ApplicationName = typeof(WebConsole).Assembly.GetName().Name,
            EnvironmentName = "Development",
            ContentRootPath = contentRoot,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.RemoveAll<ServiceChannels>();
        builder.Services.AddSingleton(new ServiceChannels(channels));
        var app = WebConsole.Build(builder);
        await app.StartAsync();
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return new ConsoleUnderTest(app, playwright, browser, contentRoot);
    }

    /// <summary>A fresh browser context (its own cookies) signed in as the synthetic user of this role.</summary>
    public async Task<IPage> SignInAsync(string role)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = Address, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/signin");
        var user = SyntheticUser.All.First(u => u.Role == role);
        await page.GetByLabel(user.Label).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(Address.TrimEnd('/') + "/");
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        try { Directory.Delete(_contentRoot, recursive: true); } catch (IOException) { }
    }
}
