namespace GeneTherapyExplainers.Tests.Support;

/// <summary>The site on the test content, served in process, shared by the tests of a class.</summary>
public sealed class TestSiteFixture : IDisposable
{
    public TestSiteFixture() => Site = new SiteFactory(RepositoryPaths.Content);

    public SiteFactory Site { get; }

    public void Dispose() => Site.Dispose();
}
