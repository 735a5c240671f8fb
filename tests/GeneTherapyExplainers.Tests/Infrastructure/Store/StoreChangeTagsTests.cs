using GeneTherapyExplainers.Web.Data.Entities;
using GeneTherapyExplainers.Web.Infrastructure.Store;

namespace GeneTherapyExplainers.Tests.Infrastructure.Store;

public class StoreChangeTagsTests
{
    [Fact]
    public void EveryTableOfTheStoreSaysWhichPagesItTouchesRatherThanEvictingEverything()
    {
        using var db = StoreProviders.CreateContext(StoreProvider.Sqlite, "Data Source=unopened.db");
        var everything = db.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !t.HasSharedClrType)
            .Where(t => StoreChangeTags.For(Activator.CreateInstance(t.ClrType)!).Contains("*"))
            .Select(t => t.ClrType.Name)
            .ToList();
        Assert.Empty(everything);
    }

    [Fact]
    public void ANewVersionOfAnExplainersTextTouchesThatExplainersPagesAndAKeptTextNone()
    {
        Assert.Equal(["store:gene-therapy-explained"], StoreChangeTags.For(new ContentVersion { ExplainerSlug = "gene-therapy-explained", Fingerprint = "" }));
        Assert.Empty(StoreChangeTags.For(new ReviewedText { Fingerprint = "", Text = "" }));
    }
}
