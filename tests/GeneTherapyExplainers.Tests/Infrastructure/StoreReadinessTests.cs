using System.Net;
using GeneTherapyExplainers.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GeneTherapyExplainers.Tests.Infrastructure;

/// <summary>The server listens while the store is prepared: requests wait for it, the liveness check does not.</summary>
public sealed class StoreReadinessTests
{
    [Fact]
    public async Task APageWaitsUntilTheStoreIsReadyWhileTheLivenessCheckAnswersAtOnce()
    {
        await using var app = await StartAsync(new Lifetime());
        var readiness = app.Services.GetRequiredService<StoreReadiness>();
        var preparing = new TaskCompletionSource();
        readiness.Follow(preparing.Task);
        var client = app.GetTestClient();

        var page = client.GetAsync(new Uri("/page", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(Health.LivePath, UriKind.Relative))).StatusCode);
        Assert.False(page.IsCompleted, "the page answered before the store was ready");

        preparing.SetResult();
        var answer = await page;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("page", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WhenTheStoreCannotBeMadeReadyAWaitingRequestIsToldTheSiteIsUnavailable()
    {
        await using var app = await StartAsync(new Lifetime());
        var readiness = app.Services.GetRequiredService<StoreReadiness>();
        var preparing = new TaskCompletionSource();
        readiness.Follow(preparing.Task);
        var page = app.GetTestClient().GetAsync(new Uri("/page", UriKind.Relative));

        preparing.SetException(new InvalidOperationException("The store could not be migrated."));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await page).StatusCode);
        await Assert.ThrowsAsync<InvalidOperationException>(() => readiness.Prepared);
    }

    [Fact]
    public void EveryBackgroundServiceOfTheSiteStartsOnlyOnceTheStoreIsReady()
    {
        using var site = new Support.SiteFactory(Support.RepositoryPaths.Content);
        var services = site.Services.GetServices<IHostedService>().ToList();
        Assert.Contains(services, s => s is StoreReadiness);
        Assert.All(services.Where(s => s is not StoreReadiness && s.GetType().Name != "GenericWebHostService"),
            s => Assert.Equal("AfterStore", s.GetType().Name));
        Assert.True(site.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<HostOptions>>().Value.ServicesStartConcurrently);
    }

    [Fact]
    public async Task OnSqliteTheFirstKeyIsMadeOnceTheStoreIsReadyWithoutAnyRequestAskingForIt()
    {
        using var site = new Support.SiteFactory(Support.RepositoryPaths.Content);
        _ = site.Server;
        var keys = await Support.Eventually.Until(
            async () =>
            {
                var count = 0;
                await site.WithScopeAsync(async services => count = await services.GetRequiredService<Web.Data.EditorialDbContext>().DataProtectionKeys.CountAsync());
                return count;
            },
            count => count > 0);
        Assert.Equal(1, keys);
    }

    /// <summary>A bare site with the readiness gate where the real one has it (after routing), a page and the liveness check.</summary>
    private static async Task<WebApplication> StartAsync(Lifetime lifetime)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        // The readiness alone, on a lifetime the test controls: the host starts now, and the test says when the site has.
        builder.Services.AddSingleton(services => new StoreReadiness(lifetime, services));
        var app = builder.Build();
        app.UseRouting();
        app.UseStoreReadiness();
        app.MapGet("/page", () => "page");
        app.MapGet(Health.LivePath, () => "live");
        await app.StartAsync();
        return app;
    }

    private sealed class Lifetime : IHostApplicationLifetime, IDisposable
    {
        private readonly CancellationTokenSource stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => stopping.Cancel();

        public void Dispose() => stopping.Dispose();
    }
}
