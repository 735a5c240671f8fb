using System.Diagnostics;
using System.Globalization;

namespace GeneTherapyExplainers.Tests.Support;

/// <summary>
/// The day every test site and store lives on, unless a test picks another clock: a fixed date, so what a test sees
/// (review statuses, dates on pages, what is due) never depends on the day it runs. Within that day time moves on as
/// it really does, so what waits for time to pass (sign-in checks, timers) behaves as in production; a test that
/// needs to jump ahead passes a FakeTimeProvider of its own and moves it.
/// </summary>
public static class TestClock
{
    public static DateTimeOffset Now { get; } = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Today as a form or a page writes it: 2026-11-30.</summary>
    public static string TodayIso => Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A clock that starts at <see cref="Now"/> when it is made and runs from there.</summary>
    public static TimeProvider New() => new Running(Stopwatch.GetTimestamp());

    private sealed class Running(long started) : TimeProvider
    {
        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

        public override DateTimeOffset GetUtcNow() => Now + Stopwatch.GetElapsedTime(started);
    }
}
