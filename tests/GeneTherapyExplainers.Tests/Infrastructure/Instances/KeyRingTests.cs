using System.Net;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GeneTherapyExplainers.Tests.Infrastructure.Instances;

/// <summary>The keys behind sign-in cookies and antiforgery tokens live in the store, not in a home folder.</summary>
public abstract class KeyRingTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    [Fact]
    public async Task ASignedInReviewerAndAHalfFilledFormSurviveARestart()
    {
        var settings = store.NewSiteSettings();
        var cookies = new CookieContainer();
        AngleSharp.Dom.IElement form;
        using (var before = new SiteFactory(RepositoryPaths.Content) { Settings = settings })
        {
            await before.AddUserAsync("keys@example.org", "Reviewer", Session.Password, "georgios-anagas");
            using var session = before.NewSession(cookies);
            Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("keys@example.org")).StatusCode);
            var (_, page) = await session.GetAsync("/review/explainers/gene-therapy-explained");
            form = page.Find("main form");
            await before.WithScopeAsync(async services =>
                Assert.Equal(1, await services.GetRequiredService<EditorialDbContext>().DataProtectionKeys.CountAsync()));
        }

        using var after = new SiteFactory(RepositoryPaths.Content) { Settings = settings };
        using var again = after.NewSession(cookies);
        var (dashboard, _) = await again.GetAsync("/review");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        var today = TestClock.TodayIso;
        var (saved, _) = await again.SubmitAsync(form, "/review/explainers/gene-therapy-explained",
            new Dictionary<string, string> { ["Input.Kind"] = "2", ["Input.ReviewedOn"] = today, ["Input.Notes"] = "Sent after a restart." });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await after.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<EditorialDbContext>();
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
            Assert.True(await db.ReviewRecords.AnyAsync(r => r.Notes == "Sent after a restart."));
        });
    }

    [Fact]
    public async Task WithACertificateTheKeysAreEncryptedInTheStore()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
            "CN=gte-keys", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var pfx = Path.Combine(Path.GetTempPath(), $"gte-keys-{Guid.NewGuid():N}.pfx");
        await File.WriteAllBytesAsync(pfx, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "pfx password"));
        try
        {
            var settings = store.NewSiteSettings();
            using var site = new SiteFactory(RepositoryPaths.Content)
            {
                Store = settings,
                Settings = { ["DataProtection:CertificatePath"] = pfx, ["DataProtection:CertificatePassword"] = "pfx password" },
            };
            await site.AddUserAsync("encrypted@example.org", "Reviewer", Session.Password);
            using var session = site.NewSession();
            Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync("encrypted@example.org")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/review")).Response.StatusCode);
            await site.WithScopeAsync(async services =>
            {
                var xml = (await services.GetRequiredService<EditorialDbContext>().DataProtectionKeys.SingleAsync()).Xml!;
                Assert.Contains("EncryptedXml", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            });
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}

public sealed class SqliteKeyRingTests(SqliteStore store) : KeyRingTests<SqliteStore>(store);

public sealed class PostgresKeyRingTests(PostgresStore store) : KeyRingTests<PostgresStore>(store);
