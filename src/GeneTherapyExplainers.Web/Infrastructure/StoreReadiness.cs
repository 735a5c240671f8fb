using GeneTherapyExplainers.Web.Infrastructure.Store;

namespace GeneTherapyExplainers.Web.Infrastructure;

/// <summary>
/// Start-up in two parts side by side: the store is migrated, seeded and linked to the catalog, while the server starts
/// listening, so that the server's own start and the first request's set-up cost no time. Every request but the
/// liveness check waits until the store is <see cref="Prepared"/> (and, on a shared store, until this instance hears
/// the others' changes: <see cref="Ready"/>); background services wait for the store and its first key before they
/// are even made, and the host counts as started (and commands run) once they have started.
/// </summary>
public sealed class StoreReadiness : IHostedService
{
    /// <summary>How long requests wait for the change feed to listen, as the feed's own start does.</summary>
    private static readonly TimeSpan FeedWait = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource prepared = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IServiceProvider services;
    private Task firstKey = Task.CompletedTask;

    public StoreReadiness(IHostApplicationLifetime lifetime, IServiceProvider services)
    {
        this.services = services;
        lifetime.ApplicationStopping.Register(() => ready.TrySetException(new OperationCanceledException("The site stopped before it was ready.")));
    }

    /// <summary>Completes when the store is ready; faults with the reason it could not be made ready.</summary>
    public Task Prepared => prepared.Task;

    /// <summary>Completes when pages may be served: the store is ready and, on a shared store, the change feed listens.</summary>
    public Task Ready => ready.Task;

    internal void Follow(Task preparing, Task? firstKey = null)
    {
        this.firstKey = firstKey ?? Task.CompletedTask;
        _ = FollowAsync(preparing);
    }

    private async Task FollowAsync(Task preparing)
    {
        try
        {
            await preparing;
        }
        catch (Exception ex)
        {
            prepared.TrySetException(ex);
            ready.TrySetException(ex);
            return;
        }

        prepared.TrySetResult();
        if (services.GetService<PostgresChangeFeed>() is { } feed)
        {
            await Task.WhenAny(feed.Listening, Task.Delay(FeedWait));
        }

        ready.TrySetResult();
    }

    Task IHostedService.StartAsync(CancellationToken cancellationToken) => PreparedWithKeyAsync(cancellationToken);

    /// <summary>
    /// The store is ready and its first key made (on SQLite beside the first requests; making it never fails): the host
    /// has started, and background services start, only then, so nothing else writes to the store meanwhile.
    /// </summary>
    private async Task PreparedWithKeyAsync(CancellationToken cancellationToken)
    {
        await Prepared.WaitAsync(cancellationToken);
        await firstKey.WaitAsync(cancellationToken);
    }

    Task IHostedService.StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// A background service that is made and started once the store is ready (made earlier, a service could act on the
    /// store before it is ready: the change feed, for one, would pass on the migration's own transactions).
    /// </summary>
    private sealed class AfterStore(StoreReadiness store, Func<IHostedService> create, bool owned) : IHostedService, IAsyncDisposable
    {
        private IHostedService? service;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            await store.PreparedWithKeyAsync(cancellationToken);
            service = create();
            await service.StartAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => service?.StopAsync(cancellationToken) ?? Task.CompletedTask;

        /// <summary>A service made here from its type is disposed here, as the container would have.</summary>
        public async ValueTask DisposeAsync()
        {
            switch (owned ? service : null)
            {
                case IAsyncDisposable disposable:
                    await disposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    internal static IHostedService Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        new AfterStore(
            services.GetRequiredService<StoreReadiness>(),
            () => (IHostedService)(descriptor.ImplementationInstance
                ?? descriptor.ImplementationFactory?.Invoke(services)
                ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!)),
            owned: descriptor.ImplementationType is not null);
}

public static class StoreReadinessSetup
{
    /// <summary>
    /// Has the host start its services side by side, the server among them, and every background service registered
    /// so far (the catalog's watcher, reminders, feedback retention, the Data Protection key ring's loader and the
    /// others) wait until the store is ready. Called after the features have registered theirs.
    /// </summary>
    public static IServiceCollection AddStoreReadiness(this IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i] is { ServiceType: var type, IsKeyedService: false } background && type == typeof(IHostedService))
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService>(provider => StoreReadiness.Create(provider, background));
            }
        }

        services.AddSingleton<StoreReadiness>();
        services.AddHostedService(provider => provider.GetRequiredService<StoreReadiness>());
        return services.Configure<HostOptions>(host => host.ServicesStartConcurrently = true);
    }

    /// <summary>Holds each request until the store is ready; if it cannot be, answers 503 while the site stops.</summary>
    public static WebApplication UseStoreReadiness(this WebApplication app)
    {
        var readiness = app.Services.GetRequiredService<StoreReadiness>();
        app.Use(async (context, next) =>
        {
            var ready = readiness.Ready;
            if (!ready.IsCompletedSuccessfully && !context.Request.Path.Equals(Health.LivePath, StringComparison.OrdinalIgnoreCase))
            {
                try
                {
                    await ready.WaitAsync(context.RequestAborted);
                }
                catch (Exception) when (!context.RequestAborted.IsCancellationRequested)
                {
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return;
                }
            }

            await next(context);
        });
        return app;
    }
}
