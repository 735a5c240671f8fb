using System.Net;
using GeneTherapyExplainers.Tests.Support;

namespace GeneTherapyExplainers.Tests.Infrastructure;

public class StartupTests
{
    [Fact]
    public async Task TheSiteStartsInDevelopmentWhereEveryServiceLifetimeIsChecked()
    {
        using var site = new SiteFactory(RepositoryPaths.Content, "Development");
        var (response, page) = await site.GetPageAsync("/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Sign in", page.Text("h1"));
    }
}
