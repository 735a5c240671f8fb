namespace GeneTherapyExplainers.Web.Pages.Search;

/// <summary>
/// Builds the search index in the background once the catalog has been read, so pages answer while it fills (at
/// 10,000 explainers that takes seconds); a search that comes sooner waits for it, and <c>/health/ready</c> says
/// not ready until then. Once built, the catalog's first text by section is dropped from memory.
/// </summary>
public sealed partial class SearchIndexing(IServiceProvider services, ILogger<SearchIndexing> logger)
{
    private volatile Task<SearchIndex>? building;
    private int started;

    /// <summary>The index once it is built (built now, on this thread, when nothing started it).</summary>
    public Task<SearchIndex> Ready => building ?? Task.FromResult(services.GetRequiredService<SearchIndex>());

    /// <summary>Starts building the index after <paramref name="catalog"/> has been read; a second call does nothing.</summary>
    public void Start(Task<Infrastructure.ContentCatalogProvider> catalog)
    {
        if (Interlocked.Exchange(ref started, 1) == 1)
        {
            return;
        }

        building = Task.Run(async () =>
        {
            var content = await catalog;
            try
            {
                var index = services.GetRequiredService<SearchIndex>();
                content.ForgetInitialText();
                return index;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                throw;
            }
        });
    }

    [LoggerMessage(EventId = 70, Level = LogLevel.Critical, Message = "The search index could not be built; searches fail until the site restarts")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
