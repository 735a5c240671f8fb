using GeneTherapyExplainers.Content.Loading;
using GeneTherapyExplainers.Content.Model;
using GeneTherapyExplainers.Tests.Support;
using GeneTherapyExplainers.Web.Data;
using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure;
using GeneTherapyExplainers.Web.Infrastructure.Store;
using Microsoft.EntityFrameworkCore;

namespace GeneTherapyExplainers.Tests.Infrastructure;

/// <summary>Versions of an explainer's text recorded as the site picks up changes, on both providers.</summary>
public abstract class ContentVersionLogTests<TStore>(TStore store) : IClassFixture<TStore>
    where TStore : StoreFixture
{
    private static readonly DateTimeOffset Now = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);

    private static Explainer Load(string body, string? changeNote = null)
    {
        using var content = new TempContent();
        content.Write("explainers/versioned.md", $"---\ntitle: Versioned\nsummary: A page that changes.\ncategory: Testing\n{(changeNote is null ? "" : "changeNote: " + changeNote + "\n")}---\n\n{body}\n");
        return ContentLoader.Load(content.Root, TestContentOptions.WithoutSourceRule).Find("versioned") ?? throw new InvalidOperationException("The explainer did not load.");
    }

    private async Task<EditorialDbContext> NewStoreAsync(string? connection = null)
    {
        var db = store.NewContext(connection ?? store.NewDatabase());
        await StoreMigrations.MigrateAsync(db);
        return db;
    }

    [Fact]
    public async Task AVersionIsRecordedOnlyWhenTheTextChangesAndKeepsItsChangeNote()
    {
        await using var db = await NewStoreAsync();
        var first = Load("The first wording.");
        Assert.Equal(1, await ContentVersionLog.RecordAsync(db, [first], Now));
        Assert.Equal(0, await ContentVersionLog.RecordAsync(db, [first], Now.AddHours(1)));
        var second = Load("The second wording.", "Says it better.");
        Assert.Equal(1, await ContentVersionLog.RecordAsync(db, [second], Now.AddHours(2)));

        var versions = await db.ContentVersions.OrderBy(v => v.Number).ToListAsync();
        Assert.Equal([(1, first.Fingerprint, null), (2, second.Fingerprint, "Says it better.")], versions.Select(v => (v.Number, v.Fingerprint, v.ChangeNote)));
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public async Task InstancesRecordingTheSameChangeAtOnceRecordItOnce()
    {
        var connection = store.NewDatabase();
        await (await NewStoreAsync(connection)).DisposeAsync();
        var explainer = Load("Picked up by every instance at once.");

        var contexts = Enumerable.Range(0, 4).Select(_ => store.NewContext(connection)).ToList();
        await Task.WhenAll(contexts.Select(db => ContentVersionLog.RecordAsync(db, [explainer], Now)));
        foreach (var db in contexts)
        {
            await db.DisposeAsync();
        }

        await using var check = store.NewContext(connection);
        var version = Assert.Single(await check.ContentVersions.ToListAsync());
        Assert.Equal(1, version.Number);
    }

    [Fact]
    public void AReviewThatKeptItsFingerprintIsChangedExactlyWhenTheTextDiffers()
    {
        var explainer = Load("Some text.");
        var same = new ReviewRecord { ExplainerSlug = "versioned", RecordedBy = "test", ContentFingerprint = explainer.Fingerprint };
        var other = new ReviewRecord { ExplainerSlug = "versioned", RecordedBy = "test", ContentFingerprint = new string('a', 64) };
        var latest = new ContentVersion { ExplainerSlug = "versioned", Number = 3, Fingerprint = explainer.Fingerprint, ChangedAt = Now };

        Assert.Null(ContentVersionLog.ChangedSince(same, latest, explainer));
        Assert.Equal(Now, ContentVersionLog.ChangedSince(other, latest, explainer));
        Assert.Null(ContentVersionLog.ChangedSince(null, latest, explainer));
    }

    [Fact]
    public void AReviewFromBeforeFingerprintsCountsAsChangedOnlyWhenTheSiteRecordedAChangeAfterIt()
    {
        var explainer = Load("Some text.");
        var old = new ReviewRecord { ExplainerSlug = "versioned", RecordedBy = "seed", RecordedAt = Now };
        ContentVersion Version(int number, DateTimeOffset recorded) =>
            new() { ExplainerSlug = "versioned", Number = number, Fingerprint = explainer.Fingerprint, ChangedAt = recorded, RecordedAt = recorded };

        Assert.Null(ContentVersionLog.ChangedSince(old, Version(1, Now.AddDays(1)), explainer));
        Assert.Null(ContentVersionLog.ChangedSince(old, Version(2, Now.AddDays(-1)), explainer));
        Assert.Equal(Now.AddDays(1), ContentVersionLog.ChangedSince(old, Version(2, Now.AddDays(1)), explainer));
    }
}

public sealed class SqliteContentVersionLogTests(SqliteStore store) : ContentVersionLogTests<SqliteStore>(store);

public sealed class PostgresContentVersionLogTests(PostgresStore store) : ContentVersionLogTests<PostgresStore>(store);
