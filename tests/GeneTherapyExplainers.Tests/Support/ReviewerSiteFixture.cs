namespace GeneTherapyExplainers.Tests.Support;

/// <summary>One site with a reviewer and an editor, on SQLite; <see cref="PostgresReviewerSiteFixture"/> is the same on PostgreSQL.</summary>
public class ReviewerSiteFixture : IAsyncLifetime, IDisposable
{
    public const string Reviewer = "georgios@example.org";
    public const string Editor = "editor@example.org";
    private readonly StoreFixture store;

    public ReviewerSiteFixture()
        : this(new SqliteStore())
    {
    }

    protected ReviewerSiteFixture(StoreFixture store)
    {
        this.store = store;
        // Many tests sign in from the same in-process client; the rate limit has its own tests.
        Site = new(RepositoryPaths.Content) { Store = store.NewSiteSettings(), Settings = { ["Accounts:SignInPermitLimit"] = "10000" } };
    }

    public SiteFactory Site { get; }

    public async Task InitializeAsync()
    {
        await Site.AddUserAsync(Reviewer, "Reviewer", Session.Password, "georgios-anagas");
        await Site.AddUserAsync(Editor, "Editor", Session.Password);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        Site.Dispose();
        store.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresReviewerSiteFixture() : ReviewerSiteFixture(new PostgresStore());
