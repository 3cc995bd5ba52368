namespace CloudLink.Tests.Support;

/// <summary>Waits for a condition that another process or thread makes true; fails with a description when it never does.</summary>
public static class Eventually
{
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, TimeSpan timeout, string what)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}.");
            }

            await Task.Delay(100);
        }
    }

    public static async Task TrueAsync(Func<Task<bool>> probe, TimeSpan timeout, string what) =>
        await GetAsync(async () => await probe() ? "" : null, timeout, what);

    public static Task TrueAsync(Func<bool> probe, TimeSpan timeout, string what) =>
        TrueAsync(() => Task.FromResult(probe()), timeout, what);

    /// <summary>
    /// Waits as long as <paramref name="progress"/> keeps changing (the other process is working, if
    /// slowly on a busy machine), and fails once it has not changed for <paramref name="stall"/>,
    /// saying how long it waited in all.
    /// </summary>
    public static async Task<T> GetWhileProgressingAsync<T>(Func<Task<T?>> probe, Func<string> progress, TimeSpan stall, string what)
        where T : class
    {
        var started = DateTime.UtcNow;
        var last = progress();
        var lastChange = started;
        while (true)
        {
            var value = await probe();
            if (value is not null)
            {
                return value;
            }

            var now = progress();
            if (now != last)
            {
                (last, lastChange) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - lastChange > stall)
            {
                throw new TimeoutException($"Gave up waiting for {what} after {(DateTime.UtcNow - started).TotalSeconds:0} s: no progress for {stall.TotalSeconds:0} s (last: {now}).");
            }

            await Task.Delay(100);
        }
    }
}
