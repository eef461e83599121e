using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Masip.Web.BrowserTests;

/// <summary>
/// axe-core's WCAG 2 A and AA rules on a page as the browser rendered it (labels, contrast,
/// names of links and buttons, table headers, ...): every page a test screenshots is checked.
/// </summary>
public static class Accessibility
{
    public static async Task AssertCleanAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa"] },
        });
        var violations = result.Violations
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join("; ", v.Nodes.Take(3).Select(n => n.Target?.ToString()))}")
            .ToList();
        Assert.True(violations.Count == 0, $"{name}: accessibility violations:\n{string.Join('\n', violations)}");
    }
}
