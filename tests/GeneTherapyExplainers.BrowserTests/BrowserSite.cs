using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data.Entities;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace GeneTherapyExplainers.BrowserTests;

/// <summary>
/// The site on a real Kestrel port over HTTPS (a certificate made for the run), in Production mode with a fresh
/// database and the test content (tests/GeneTherapyExplainers.Tests/TestContent) plus a draft, and one headless Chromium driven by ChromeDriver.
/// </summary>
public sealed class BrowserSite : IAsyncLifetime, IDisposable
{
    public const string Reviewer = "georgios@example.org";

    /// <summary>Feedback forms one client may send in ten minutes here; every browser test runs from 127.0.0.1.</summary>
    public const int FeedbackPermitLimit = 5;

    /// <summary>A mistake report that waits (entry 1) and a comment already handled (entry 2), for the pages that list them.</summary>
    public const long SampleFeedbackId = 1;

    /// <summary>An explainer whose last review signed off an older wording: its pages say what changed since.</summary>
    public const string ChangedSinceReview = "monoclonal-antibodies";
    private readonly TempContent content = new(withTestContent: true);
    private SiteFactory? site;
    private ChromeDriver? driver;

    public string BaseUrl { get; private set; } = "";

    /// <summary>The hash of the certificate the site serves, so raw clients can check they reached it.</summary>
    public string CertificateHash { get; private set; } = "";

    public ChromeDriver Driver => driver ?? throw new InvalidOperationException("The browser did not start.");

    public SiteFactory Site => site ?? throw new InvalidOperationException("The site did not start.");

    public async Task InitializeAsync()
    {
        content.Write("explainers/draft-page.md", "---\ntitle: A draft page\nsummary: Not ready yet.\ncategory: Drafts\ndraft: true\n---\n\n## Work in progress\n\nPlain words about genes.\n");
        var port = FreePort();
        var certificate = SelfSignedCertificate();
        CertificateHash = certificate.GetCertHashString();
        site = new SiteFactory(content.Root)
        {
            // The feedback journey sends a few forms and then a burst that must meet the limit; nothing else posts feedback.
            Settings = { ["Accounts:SignInPermitLimit"] = "1000", ["Feedback:PermitLimit"] = FeedbackPermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        site.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            listen.Protocols = HttpProtocols.Http1AndHttp2;
            listen.UseHttps(certificate);
        }));
        site.StartServer();
        BaseUrl = $"https://localhost:{port}";
        await site.AddUserAsync(Reviewer, "Reviewer", Session.Password, "georgios-anagas");
        await SeedFeedbackAsync();
        await SeedChangedSinceReviewAsync();
        driver = Browser.Start();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task SeedFeedbackAsync() => await Site.WithScopeAsync(async services =>
    {
        var db = services.GetRequiredService<GeneTherapyExplainers.Web.Data.EditorialDbContext>();
        var now = TestClock.Now.UtcDateTime;
        db.ReaderFeedback.Add(new() { Page = FeedbackPage.Explainers, PageKey = "what-is-gene-therapy", IsReport = true, Helpful = false, Comment = "The second paragraph says DNA is a protein.", ReceivedAt = now.AddHours(-3) });
        db.ReaderFeedback.Add(new()
        {
            Page = FeedbackPage.Glossary, PageKey = "aav", Helpful = true, Comment = "Clear, thank you.", ReceivedAt = now.AddHours(-2),
            HandledAt = now.AddHours(-1), HandledBy = Reviewer, HandledNote = "Nothing to change.",
        });
        await db.SaveChangesAsync();
    });

    /// <summary>A review of an older wording of one explainer, so its pages say what changed since review.</summary>
    private async Task SeedChangedSinceReviewAsync() => await Site.WithScopeAsync(async services =>
    {
        var text = GeneTherapyExplainers.Content.Model.ContentText.Read(Path.Combine(content.Root, "explainers", ChangedSinceReview + ".md"));
        var paragraph = text.Split('\n').Skip(1).SkipWhile(l => l != "---").Skip(1).First(l => l.Length > 0 && !l.StartsWith('#'));
        var older = text.Replace(paragraph, "An older wording of this paragraph. It said less.", StringComparison.Ordinal);
        var db = services.GetRequiredService<GeneTherapyExplainers.Web.Data.EditorialDbContext>();
        var fingerprint = GeneTherapyExplainers.Content.Model.ContentText.Fingerprint(older);
        db.ReviewedTexts.Add(new() { Fingerprint = fingerprint, Text = older, KeptAt = TestClock.Now });
        db.ReviewRecords.Add(new()
        {
            ExplainerSlug = ChangedSinceReview, Kind = ReviewKind.Medical, ReviewedOn = TestClock.Today,
            Reviewer = db.People.Single(p => p.Key == "georgios-anagas"), RecordedAt = TestClock.Now, RecordedBy = Reviewer,
            ContentFingerprint = fingerprint,
        });
        await db.SaveChangesAsync();
    });

    public void Dispose()
    {
        driver?.Quit();
        driver?.Dispose();
        site?.Dispose();
        content.Dispose();
    }

    public void Go(string path) => Driver.Navigate().GoToUrl(BaseUrl + path);

    /// <summary>Emulates CSS media features (for example prefers-color-scheme); none given clears them.</summary>
    public void EmulateMedia(params (string Name, string Value)[] features) =>
        Driver.ExecuteCdpCommand("Emulation.setEmulatedMedia", new Dictionary<string, object?>
        {
            ["features"] = features.Select(f => new Dictionary<string, object?> { ["name"] = f.Name, ["value"] = f.Value }).ToArray(),
        });

    /// <summary>Makes the browser a touch screen (no hover, a coarse pointer), as on a phone, or a desktop with a mouse again.</summary>
    public void EmulateTouch(bool touch) =>
        Driver.ExecuteCdpCommand("Emulation.setTouchEmulationEnabled", new Dictionary<string, object?> { ["enabled"] = touch, ["maxTouchPoints"] = touch ? 5 : 1 });

    /// <summary>
    /// Does what loads another page (a click on a link or a submit) and waits until the old page is gone and the new
    /// one has loaded, so what follows never reads the page it came from.
    /// </summary>
    public void LoadsNewPage(Action action)
    {
        var old = Driver.FindElement(By.TagName("html"));
        action();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline)
        {
            if (IsGone(old) && IsLoaded())
            {
                return;
            }

            Thread.Sleep(25);
        }

        throw new Xunit.Sdk.XunitException($"No new page loaded within 15 seconds; still at {Driver.Url}.");
    }

    // ChromeDriver reports an element of a page that has gone as stale or, mid-navigation, as a node that no longer
    // belongs to the document; and a script may fail while the next page is still arriving.
    private static bool IsGone(IWebElement element)
    {
        try
        {
            _ = element.Enabled;
            return false;
        }
        catch (WebDriverException)
        {
            return true;
        }
    }

    private bool IsLoaded()
    {
        try
        {
            return Equals(Driver.ExecuteScript("return document.readyState;"), "complete");
        }
        catch (WebDriverException)
        {
            return false;
        }
    }

    public void SignIn()
    {
        Go("/account/sign-in");
        if (Driver.Url.Contains("/account/sign-in", StringComparison.Ordinal) && Driver.FindElements(By.Id("Input_Email")).Count > 0)
        {
            Driver.FindElement(By.Id("Input_Email")).SendKeys(Reviewer);
            Driver.FindElement(By.Id("Input_Password")).SendKeys(Session.Password);
            LoadsNewPage(() => Driver.FindElement(By.CssSelector("main form button[type=submit]")).Click());
            Assert.DoesNotContain("/account/sign-in", Driver.Url, StringComparison.Ordinal);
            Assert.Equal("Review dashboard", Driver.FindElement(By.TagName("h1")).Text);
        }
    }

    /// <summary>Runs a browser step; on failure saves a screenshot and the page source to TestResults/screenshots.</summary>
    public void Run(string name, Action step)
    {
        try
        {
            step();
        }
        catch
        {
            var folder = Path.Combine(RepositoryPaths.Root, "TestResults", "screenshots");
            Directory.CreateDirectory(folder);
            try
            {
                Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
                File.WriteAllText(Path.Combine(folder, name + ".html"), Driver.PageSource);
            }
            catch (WebDriverException)
            {
                // The browser itself is gone; the original failure says why.
            }

            throw;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserGroup : ICollectionFixture<BrowserSite>
{
    public const string Name = "browser";
}

/// <summary>Finds Debian's Chromium and ChromeDriver and starts them headless. Never downloads a browser.</summary>
public static class Browser
{
    /// <summary>Starts a browser with a fresh profile; <paramref name="javaScript"/> false turns scripts off for every page.</summary>
    public static ChromeDriver Start(bool javaScript = true)
    {
        var chromium = Find("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        var chromedriver = Find("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (chromium is null || chromedriver is null)
        {
            throw new InvalidOperationException(
                "The browser tests need Chromium and ChromeDriver (Debian packages chromium and chromium-driver). " +
                "bash scripts/test.sh installs them; or run: apt-get install -y chromium chromium-driver");
        }

        var options = new ChromeOptions { BinaryLocation = chromium, AcceptInsecureCertificates = true };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
            "--ignore-certificate-errors", "--window-size=1280,900", "--lang=en-GB",
            // Headless Chromium has no pointing device, so it matches (hover: none) like a phone. A desktop with a mouse
            // is the default here; the phone checks turn on touch emulation.
            "--blink-settings=primaryHoverType=2,availableHoverTypes=2,primaryPointerType=4,availablePointerTypes=4",
            "--user-data-dir=" + Path.Combine(Path.GetTempPath(), "gte-chromium-" + Guid.NewGuid().ToString("N")));
        if (!javaScript)
        {
            // As a reader who has switched JavaScript off: pages run no script at all (ChromeDriver itself still works).
            options.AddUserProfilePreference("profile.managed_default_content_settings.javascript", 2);
        }

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(chromedriver)!, Path.GetFileName(chromedriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
        driver.Manage().Timeouts().AsynchronousJavaScript = TimeSpan.FromSeconds(30);
        return driver;
    }

    private static string? Find(string variable, params string[] candidates) =>
        new[] { Environment.GetEnvironmentVariable(variable) }.Concat(candidates).FirstOrDefault(p => !string.IsNullOrEmpty(p) && File.Exists(p));
}
