using GeneTherapyExplainers.Web.Infrastructure.Store;

namespace GeneTherapyExplainers.Tests.Infrastructure.Store;

public sealed class StoreChangesTests
{
    [Fact]
    public void TagsAndEverythingSurviveThePayloadUnchanged()
    {
        var (from, tags) = StoreChange.FromPayload(StoreChange.Of(["person:jane-doe", "explainer:x"]).ToPayload("one"));
        Assert.Equal("one", from);
        Assert.False(tags.IsEverything);
        Assert.Equal(["explainer:x", "person:jane-doe"], tags.Tags.Order(StringComparer.Ordinal));
        Assert.Equal("""{"instance":"one","tags":["explainer:x","person:jane-doe"]}""", StoreChange.Of(["person:jane-doe", "explainer:x"]).ToPayload("one"));
        Assert.Equal("""{"instance":"two","everything":true}""", StoreChange.Everything.ToPayload("two"));
        Assert.True(StoreChange.FromPayload(StoreChange.Everything.ToPayload("two")).Change.IsEverything);
    }

    [Fact]
    public void TagsTooManyForOneNotificationGoAsEverything()
    {
        var many = StoreChange.Of(Enumerable.Range(0, 1000).Select(i => $"explainer:some-long-explainer-slug-{i}"));
        Assert.True(StoreChange.FromPayload(many.ToPayload("one")).Change.IsEverything);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("""{"instance":"x"}""")]
    [InlineData("null")]
    public void APayloadThatCannotBeReadCountsAsEverything(string payload) =>
        Assert.True(StoreChange.FromPayload(payload).Change.IsEverything);

    [Fact]
    public void APublishedChangeIsAppliedHereAndSentButAnAppliedOneIsNotSent()
    {
        var changes = new StoreChanges();
        var applied = new List<StoreChange>();
        var sent = new List<StoreChange>();
        changes.Applied += applied.Add;
        changes.Outgoing = sent.Add;
        var local = StoreChange.Of(["a"]);
        var remote = StoreChange.Of(["b"]);
        changes.Publish(local);
        changes.Apply(remote);
        Assert.Equal([local, remote], applied);
        Assert.Equal([local], sent);
    }

    [Fact]
    public void ACombinedChangeEvictsWhatEachEvicts()
    {
        Assert.Equal(["a", "b"], StoreChange.Combine([StoreChange.Of(["a"]), StoreChange.Of(["b", "a"])]).Tags.Order(StringComparer.Ordinal));
        Assert.True(StoreChange.Combine([StoreChange.Of(["a"]), StoreChange.Everything]).IsEverything);
    }
}
