using System.Diagnostics;
using System.Globalization;
using GeneTherapyExplainers.Tests.Support;
using Xunit.Abstractions;

namespace GeneTherapyExplainers.Tests.Pages.Account;

/// <summary>
/// A benchmark-style check, tolerant of noise: over many sign-ins, an unknown address must take about as long as a
/// wrong password, or one request tells an attacker whether an address has an account.
/// </summary>
public class SignInTimingTests(ITestOutputHelper output)
{
    private const int Rounds = 15;

    [Fact]
    public async Task AnUnknownAddressTakesAsLongAsAWrongPassword()
    {
        using var site = new SiteFactory(RepositoryPaths.Content)
        {
            Settings =
            {
                ["Accounts:SignInPermitLimit"] = "10000",
                ["Accounts:MaxFailedSignInsPerClient"] = "10000",
                ["Accounts:MaxFailedSignInsPerAccount"] = "10000",
            },
        };
        // Several real accounts, so that even where an account locks after five failures none is locked here.
        var accounts = Enumerable.Range(0, 5).Select(i => $"timing{i}@example.org").ToList();
        foreach (var account in accounts)
        {
            await site.AddUserAsync(account, "Reviewer", Session.Password);
        }

        using var session = site.NewSession();
        var (_, page) = await session.GetAsync("/account/sign-in");
        var token = page.Find("main form input[name=__RequestVerificationToken]").GetAttribute("value")!;

        async Task<double> TimeAsync(string email)
        {
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "not the password of anyone here",
                ["__RequestVerificationToken"] = token,
            });
            var started = Stopwatch.GetTimestamp();
            using var response = await session.Client.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);
            var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            return elapsed;
        }

        // Warm up both paths (first requests compile and open connections).
        await TimeAsync("warm-up@example.org");
        await TimeAsync(accounts[0]);

        var unknown = new List<double>();
        var wrong = new List<double>();
        for (var i = 0; i < Rounds; i++)
        {
            unknown.Add(await TimeAsync($"nobody{i}@example.org"));
            wrong.Add(await TimeAsync(accounts[i % accounts.Count]));
        }

        var unknownMedian = Median(unknown);
        var wrongMedian = Median(wrong);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sign-in medians over {Rounds} tries: unknown address {unknownMedian:0.0} ms, wrong password {wrongMedian:0.0} ms"));
        TestSummary.Write(string.Create(CultureInfo.InvariantCulture, $"Sign-in timing medians: unknown address {unknownMedian:0.0} ms, wrong password {wrongMedian:0.0} ms"));
        Assert.True(unknownMedian >= wrongMedian / 2,
            $"An unknown address answered in {unknownMedian:0.0} ms, a wrong password in {wrongMedian:0.0} ms: the difference tells who has an account.");
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
