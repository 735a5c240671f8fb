using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Markdown;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Content;

public class UrlSafetyTests
{
    [Theory]
    [InlineData("https://www.fda.gov/")]
    [InlineData("http://example.org/a?b=c")]
    [InlineData("mailto:editor@example.org")]
    [InlineData("/glossary/vector")]
    [InlineData("#the-risks")]
    [InlineData("../explainers/x")]
    [InlineData("page?x=a:b")]
    [InlineData("//cdn.example.org/x")]
    public void AllowsWebMailAndRelativeUrls(string url) => Assert.True(UrlSafety.IsSafe(url));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("JaVaScRiPt:alert(1)")]
    [InlineData(" javascript:alert(1)")]
    [InlineData("java\tscript:alert(1)")]
    [InlineData("java\nscript:alert(1)")]
    [InlineData("\u0001javascript:alert(1)")]
    [InlineData("data:text/html;base64,PHNjcmlwdD4=")]
    [InlineData("vbscript:msgbox(1)")]
    [InlineData("VBScript:msgbox(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("")]
    public void RejectsEveryOtherScheme(string url) => Assert.False(UrlSafety.IsSafe(url));

    public static TheoryData<string> HostileMarkdown => new()
    {
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;&#x61;vascript:alert(1))",
        "[click](java&#9;script:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD4=)",
        "[click](vbscript:msgbox(1))",
        "![img](javascript:alert(1))",
        "![img](data:image/svg+xml;base64,PHN2Zz4=)",
        "[click][ref]\n\n[ref]: javascript:alert(1)",
        "![img][ref]\n\n[ref]: data:text/html,x",
        "<javascript:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,x>",
    };

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void RenderedHtmlNeverCarriesAScriptUrl(string markdown)
    {
        var html = MarkdownRendering.ToSafeHtml(MarkdownRendering.Parse(markdown));
        var document = Html.Parse(html);
        foreach (var element in document.QuerySelectorAll("[href], [src]"))
        {
            var url = element.GetAttribute("href") ?? element.GetAttribute("src");
            Assert.True(UrlSafety.IsSafe(url) || url == UrlSafety.Blocked, $"'{url}' reached the page from {markdown}");
        }

        // The words may stay as harmless text; no attribute may carry them.
        var attributes = document.All.SelectMany(el => el.Attributes).Select(a => a.Value);
        Assert.DoesNotContain(attributes, v => v.Contains("script:", StringComparison.OrdinalIgnoreCase) || v.StartsWith("data:", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(HostileMarkdown))]
    public void AnUnsafeLinkIsReportedWithItsLine(string markdown)
    {
        using var content = new TempContent();
        content.Write("explainers/bad.md", $"---\ntitle: T\nsummary: S.\ncategory: C\n---\n\nSome text.\n\n{markdown}\n");
        var catalog = ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule);
        var problem = Assert.Single(catalog.Problems, p => p.Severity == GeneTherapyExplainers.Content.Model.ProblemSeverity.Error);
        Assert.Equal("explainers/bad.md", problem.Path);
        Assert.Equal(9, problem.Line);
        Assert.Empty(catalog.All);
    }

    [Fact]
    public void RawHtmlIsEscapedNotPassedThrough()
    {
        var html = MarkdownRendering.ToSafeHtml(MarkdownRendering.Parse(
            "Hello <script>alert(1)</script> and <img src=x onerror=alert(1)>\n\n<div onclick=\"x()\">block</div>"));
        var document = Html.Parse(html);
        Assert.Empty(document.QuerySelectorAll("script, img, div"));
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }
}
