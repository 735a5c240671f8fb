using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Commands;

namespace GeneTherapyExplainers.Tests.Commands;

public class ValidationTests
{
    private static (int Code, string[] Lines) Validate(string folder)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ValidateCommand.Run(["validate", folder], output, error);
        return (code, output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void EveryMistakeIsReportedWithItsFileLineAndAPlainMessage()
    {
        using var content = BrokenContent.Create();
        var (code, lines) = Validate(content.Root);
        Assert.Equal(1, code);
        foreach (var expected in BrokenContent.Problems)
        {
            var prefix = $"{expected.Path}:{expected.Line}:";
            Assert.True(
                lines.Any(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains($": {expected.Severity}: ", StringComparison.Ordinal) && l.Contains(expected.Fragment, StringComparison.Ordinal)),
                $"Expected {prefix} {expected.Severity} '{expected.Fragment}' among:\n{string.Join('\n', lines)}");
        }

        Assert.DoesNotContain(lines, l => l.StartsWith("explainers/good.md", StringComparison.Ordinal));
        Assert.Matches(@"files checked in .*: \d+ errors, \d+ warnings\.", lines[^1]);
    }

    [Fact]
    public void AMissingFolderIsAnErrorNotACrash()
    {
        var (code, _) = Validate(Path.Combine(Path.GetTempPath(), "no-such-folder-" + Guid.NewGuid()));
        Assert.Equal(2, code);
    }

    [Fact]
    public async Task TheSiteServesEveryGoodPageAndReportsEveryBadFile()
    {
        using var content = BrokenContent.Create();
        using var site = new SiteFactory(content.Root) { Settings = BrokenContent.Settings };
        foreach (var slug in BrokenContent.GoodPages)
        {
            var (response, _) = await site.GetPageAsync($"/explainers/{slug}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{slug} answered {response.StatusCode}");
        }

        foreach (var slug in new[] { "bad-yaml", "no-title", "order-clash", "missing-image", "broken-term-link", "empty", "no-sources" })
        {
            var (response, _) = await site.GetPageAsync($"/explainers/{slug}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        var (index, doc) = await site.GetPageAsync("/explainers");
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("Good", doc.Text("main"), StringComparison.Ordinal);
    }
}
