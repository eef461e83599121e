using Microsoft.Playwright;

namespace Masip.Web.BrowserTests;

/// <summary>
/// Screenshots of the pages the tests reach, under the test results: MASIP_SCREENSHOTS when set
/// (deploy/masip test sets it beside the TRX files), else TestResults/screenshots of this project.
/// </summary>
public static class Screenshots
{
    public static string Directory { get; } = Resolve();

    public static async Task<string> TakeAsync(IPage page, string name)
    {
        await Accessibility.AssertCleanAsync(page, name);
        var path = Path.Combine(Directory, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("MASIP_SCREENSHOTS") is { Length: > 0 } configured)
            return System.IO.Directory.CreateDirectory(configured).FullName;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Masip.Web.BrowserTests.csproj")))
                return System.IO.Directory.CreateDirectory(Path.Combine(dir.FullName, "TestResults", "screenshots")).FullName;
        }
        return System.IO.Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots")).FullName;
    }
}
