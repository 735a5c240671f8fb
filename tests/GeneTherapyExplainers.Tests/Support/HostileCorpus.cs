using System.Text;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>Markdown files written to hurt: each is a name, its bytes, and whether the site may publish it (escaped).</summary>
public static class HostileCorpus
{
    public sealed record Item(string Name, byte[] Bytes, bool MayPublish);

    private const string Front = "---\ntitle: Hostile\nsummary: A hostile file.\ncategory: Hostile\n---\n\n";

    private static Item Md(string name, string body, bool mayPublish = false) => new(name, Encoding.UTF8.GetBytes(Front + body + "\n"), mayPublish);

    private static Item Raw(string name, string text) => new(name, Encoding.UTF8.GetBytes(text), false);

    public static IReadOnlyList<Item> Items { get; } =
    [
        Md("script-tag", "Hello <script>alert(1)</script> and\n\n<script src=\"https://evil.example/x.js\"></script>", mayPublish: true),
        Md("event-handlers", "<img src=x onerror=alert(1)> <a href=\"#\" onclick=\"alert(1)\">x</a>\n\n<div onmouseover=\"alert(1)\">block</div>\n\n<svg onload=alert(1)>", mayPublish: true),
        Md("style-and-iframe", "<style>body{display:none}</style><iframe src=\"https://evil.example\"></iframe><object data=x></object>", mayPublish: true),
        Md("entities", "&lt;script&gt;alert(1)&lt;/script&gt; and &#60;script&#62;alert(1)&#60;/script&#62; and &#x3C;img src=x onerror=alert(1)&#x3E;", mayPublish: true),
        Md("js-inline-link", "[click](javascript:alert(1))"),
        Md("js-mixed-case", "[click](JaVaScRiPt:alert(1))"),
        Md("js-entity-encoded", "[click](&#106;&#97;vascript:alert(1))"),
        Md("js-hex-entities", "[click](&#x6A;&#x61;&#x76;&#x61;script:alert(1))"),
        Md("js-tab", "[click](java&#9;script:alert(1))"),
        Md("js-reference", "[click][r]\n\n[r]: javascript:alert(1)"),
        Md("js-autolink", "<javascript:alert(1)>"),
        Md("js-image", "![x](javascript:alert(1))"),
        Md("data-link", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"),
        Md("data-image", "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)"),
        Md("data-reference-image", "![x][r]\n\n[r]: data:text/html,x"),
        Md("vbscript-link", "[click](vbscript:msgbox(1))"),
        Md("vbscript-autolink", "<vbscript:msgbox(1)>"),
        Raw("front-matter-video", "---\ntitle: V\nsummary: S.\ncategory: Hostile\nvideo:\n  url: javascript:alert(1)\n---\n\nText.\n"),
        Raw("front-matter-source", "---\ntitle: S\nsummary: S.\ncategory: Hostile\nsources:\n  - title: T\n    publisher: P\n    url: data:text/html,x\n---\n\nText.\n"),
        Raw("front-matter-script", "---\ntitle: \"<script>alert(1)</script>\"\nsummary: \"</script><script>alert(1)</script>\"\ncategory: \"<img src=x onerror=alert(1)>\"\nkeyPoints: [\"<b onclick=alert(1)>x</b>\"]\n---\n\nText.\n") with { MayPublish = true },
        Md("nested-brackets", new string('[', 100_000) + "x" + new string(']', 100_000)),
        Md("nested-brackets-lines", string.Join('\n', Enumerable.Repeat(new string('[', 5_000), 20))),
        Md("link-flood", string.Join('\n', Enumerable.Repeat(string.Concat(Enumerable.Repeat("[a](", 100)), 500))),
        Md("nested-quotes", new string('>', 100_000) + " deep"),
        Md("nested-quote-lines", string.Join('\n', Enumerable.Range(1, 3_000).Select(i => new string('>', i) + " x"))),
        Md("nested-lists", string.Join('\n', Enumerable.Range(0, 3_000).Select(i => new string(' ', i * 2) + "- x"))),
        Md("list-markers", string.Concat(Enumerable.Repeat("- ", 50_000)) + "x"),
        Md("pipe-table", string.Concat(Enumerable.Repeat("|a", 50_000)) + "|\n" + string.Concat(Enumerable.Repeat("|-", 50_000)) + "|"),
        Md("huge", string.Concat(Enumerable.Repeat("Gene therapy is explained here in plain words. ", 110_000))),
        new("binary", [0x2D, 0x2D, 0x2D, 0x0A, 0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x89, 0x50, 0x4E, 0x47], false),
        new("nul-in-utf8", Encoding.UTF8.GetBytes(Front + "Text \0 with a NUL."), false),
        Raw("yaml-alias-bomb", "---\ntitle: &a x\nsummary: y\ncategory: z\nkeyPoints: [" + string.Join(",", Enumerable.Repeat("*a", 100_000)) + "]\n---\n\nText.\n"),
        Raw("yaml-laughs", "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\ntitle: T\n---\n\nText.\n"),
        Raw("yaml-deep", "---\ntitle: " + new string('[', 100_000) + "\n---\n\nText.\n"),
        Raw("yaml-deep-map", "---\ntitle: " + string.Concat(Enumerable.Repeat("{a: ", 50_000)) + "\n---\n\nText.\n"),
        Raw("yaml-huge-list", "---\ntitle: T\nsummary: S.\ncategory: Hostile\nkeyPoints:\n" + string.Concat(Enumerable.Repeat("  - point\n", 50_000)) + "---\n\nText.\n"),
        Raw("no-closing-front-matter", "---\ntitle: T\nsummary: S.\n" + string.Concat(Enumerable.Repeat("more: lines\n", 1_000))),
    ];
}
