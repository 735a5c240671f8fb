namespace GeneTherapyExplainers.Tests.Support;

/// <summary>For changes the site picks up in the background: poll until done, fail with the last state after a deadline.</summary>
public static class Eventually
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done) => Until(probe, done, Deadline);

    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan deadline)
    {
        var started = DateTime.UtcNow;
        var last = await probe();
        while (!done(last) && DateTime.UtcNow - started < deadline)
        {
            await Task.Delay(100);
            last = await probe();
        }

        Assert.True(done(last), $"Still not done after {deadline.TotalSeconds} s: {last}");
        return last;
    }
}
