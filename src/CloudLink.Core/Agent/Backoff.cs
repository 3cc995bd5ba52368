namespace CloudLink.Core.Agent;

/// <summary>Exponential backoff with jitter for retries against the cloud: 1 s, 2 s, 4 s ... up to a minute.</summary>
public sealed class Backoff(TimeSpan? first = null, TimeSpan? maximum = null)
{
    private readonly TimeSpan _first = first ?? TimeSpan.FromSeconds(1);
    private readonly TimeSpan _maximum = maximum ?? TimeSpan.FromSeconds(60);
    private readonly Random _random = new();
    private int _failures;

    public TimeSpan Next()
    {
        var exponent = Math.Min(_failures++, 16);
        var delay = Math.Min(_maximum.TotalMilliseconds, _first.TotalMilliseconds * Math.Pow(2, exponent));
        var jitter = 0.8 + (_random.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(delay * jitter);
    }

    public void Reset() => _failures = 0;
}
