using System.Threading.RateLimiting;
using CloudLink.Cloud.Api;
using CloudLink.Protocol;
using Microsoft.AspNetCore.RateLimiting;

namespace CloudLink.Cloud.Security;

/// <summary>Sliding-window limits per source address (ASP.NET Core's rate limiter): PIN requests by agents, and sign-ins.</summary>
internal static class RateLimits
{
    public const string Pairing = "pairing";
    public const string SignIn = "sign-in";

    public static void Add(IServiceCollection services, CloudOptions options)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Pairing, context => PerAddress(context, options.PairingRequestsPerAddress, options.PairingRequestWindow));
            limiter.AddPolicy(SignIn, context => PerAddress(context, options.SignInAttemptsPerAddress, options.AttemptWindow));
            limiter.OnRejected = (rejected, _) => new ValueTask(ApiErrors.Error(StatusCodes.Status429TooManyRequests, ErrorCodes.RateLimited,
                "Too many requests of this kind came from this address. Wait a few minutes and try again.").ExecuteAsync(rejected.HttpContext));
        });
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int limit, TimeSpan window) =>
        RateLimitPartition.GetSlidingWindowLimiter(SourceAddress.Of(context), _ => new SlidingWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit),
            Window = window,
            SegmentsPerWindow = 10,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
}
