using System.Diagnostics;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Uploads;

/// <summary>
/// Counts the uploads (files and database windows) the cloud answered and how long each took from
/// request to acknowledgement. Keeps the latest <see cref="Capacity"/> latencies for percentiles,
/// so memory stays bounded however long the cloud runs.
/// </summary>
public sealed class UploadMetrics
{
    public const int Capacity = 100_000;

    private readonly Lock _gate = new();
    private readonly double[] _latencies = new double[Capacity];
    private long _uploads;
    private long _stored;
    private long _duplicates;
    private long _refused;

    /// <summary>Middleware: times POSTs to the upload routes, from request to the end of the response.</summary>
    public static async Task Measure(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path;
        if (!HttpMethods.IsPost(context.Request.Method) || !(path.Equals(AgentRoutes.Files) || path.Equals(AgentRoutes.Windows)))
        {
            await next(context);
            return;
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            context.RequestServices.GetRequiredService<UploadMetrics>().Record(Stopwatch.GetElapsedTime(started), context.Response.StatusCode);
        }
    }

    public void Record(TimeSpan latency, int statusCode)
    {
        lock (_gate)
        {
            _latencies[_uploads % Capacity] = latency.TotalMilliseconds;
            _uploads++;
            switch (statusCode)
            {
                case StatusCodes.Status201Created: _stored++; break;
                case StatusCodes.Status200OK: _duplicates++; break;
                default: _refused++; break;
            }
        }
    }

    public UploadMetricsInfo Snapshot()
    {
        double[] sorted;
        var info = new UploadMetricsInfo();
        lock (_gate)
        {
            sorted = _latencies.AsSpan(0, (int)Math.Min(_uploads, Capacity)).ToArray();
            (info.Uploads, info.Stored, info.Duplicates, info.Refused) = (_uploads, _stored, _duplicates, _refused);
        }

        if (sorted.Length == 0)
        {
            return info;
        }

        Array.Sort(sorted);
        info.P50Milliseconds = Percentile(sorted, 0.50);
        info.P99Milliseconds = Percentile(sorted, 0.99);
        info.MaxMilliseconds = sorted[^1];
        return info;
    }

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
