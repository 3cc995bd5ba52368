using CloudLink.Cloud.Accounts;
using CloudLink.Cloud.Api;
using CloudLink.Cloud.Pairing;
using CloudLink.Cloud.Security;
using CloudLink.Cloud.Storage;
using CloudLink.Cloud.Uploads;
using CloudLink.Protocol;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace CloudLink.Cloud;

/// <summary>Builds the reference cloud; Program and the tests use the same wiring.</summary>
public static class CloudApp
{
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration(); // https:// URLs with Kestrel:Certificates:Default:Path (and :Password)
        var settings = builder.Configuration.GetSection("Cloud").Get<CloudOptions>() ?? new CloudOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Limits.MaxConcurrentConnections = settings.MaxConnections;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(30);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            kestrel.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(10));
        });
        builder.Services.Configure<CloudOptions>(builder.Configuration.GetSection("Cloud"));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ProtocolJson.Default));
        builder.Services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.Services.AddHostFiltering(hosts => hosts.AllowedHosts = AllowedHostsDefault.For(builder.Configuration));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => CloudDatabase.Create(services.GetRequiredService<IOptions<CloudOptions>>().Value));
        builder.Services.AddSingleton(services => new BlobStore(services.GetRequiredService<IOptions<CloudOptions>>().Value.BlobDirectory));
        builder.Services.AddSingleton<AccountStore>();
        builder.Services.AddSingleton<ApiTokenStore>();
        builder.Services.AddSingleton<IntegrationStore>();
        builder.Services.AddSingleton<AgentStore>();
        builder.Services.AddSingleton<PairingStore>();
        builder.Services.AddSingleton<PinConnector>();
        builder.Services.AddSingleton<ReceivedFileStore>();
        builder.Services.AddSingleton<ReceivedWindowStore>();
        builder.Services.AddSingleton<UploadMetrics>();
        PeopleAuthentication.Add(builder.Services);
        RateLimits.Add(builder.Services, settings);
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseHostFiltering();
        app.Use(SecurityHeaders.Add);
        app.Use(BadRequests.Answer);
        app.Use(UploadMetrics.Measure);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        AgentEndpoints.Map(app);
        PeopleEndpoints.Map(app);
        SessionEndpoints.Map(app);
        PageEndpoints.Map(app);
        app.MapGet("/healthz", () => Results.Text("ok"));

        // Create the schema and the private data folder before the first request, so a bad data folder fails at start, not later.
        PrivateFiles.CreateFolder(app.Services.GetRequiredService<IOptions<CloudOptions>>().Value.DataDirectory);
        app.Services.GetRequiredService<CloudDatabase>();
        app.Services.GetRequiredService<BlobStore>();
        app.Lifetime.ApplicationStarted.Register(() => WriteAddressFile(app));
        return app;
    }

    /// <summary>The first address the server listens on, e.g. http://127.0.0.1:41234.</summary>
    public static string BoundAddress(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static void WriteAddressFile(WebApplication app)
    {
        var path = app.Services.GetRequiredService<IOptions<CloudOptions>>().Value.AddressFile;
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, BoundAddress(app) + "\n");
        File.Move(temporary, path, overwrite: true);
    }
}
