using CloudLink.Cloud.Api;
using CloudLink.Cloud.Pairing;
using CloudLink.Cloud.Storage;
using CloudLink.Cloud.Uploads;
using CloudLink.Protocol;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CloudLink.Cloud;

/// <summary>Builds the reference cloud; Program and the tests use the same wiring.</summary>
public static class CloudApp
{
    public static WebApplication Build(string[] args, Action<IServiceCollection>? overrideServices = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration(); // https:// URLs with Kestrel:Certificates:Default:Path (and :Password)
        builder.Services.Configure<CloudOptions>(builder.Configuration.GetSection("Cloud"));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.TypeInfoResolverChain.Insert(0, ProtocolJson.Default));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => CloudDatabase.Create(services.GetRequiredService<IOptions<CloudOptions>>().Value));
        builder.Services.AddSingleton(services => new BlobStore(services.GetRequiredService<IOptions<CloudOptions>>().Value.BlobDirectory));
        builder.Services.AddSingleton<IntegrationStore>();
        builder.Services.AddSingleton<AgentStore>();
        builder.Services.AddSingleton<PairingStore>();
        builder.Services.AddSingleton<PinConnector>();
        builder.Services.AddSingleton<ReceivedFileStore>();
        builder.Services.AddSingleton<ReceivedWindowStore>();
        builder.Services.AddSingleton<UploadMetrics>();
        overrideServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.Use(UploadMetrics.Measure);
        AgentEndpoints.Map(app);
        PeopleEndpoints.Map(app);
        PageEndpoints.Map(app);
        app.MapGet("/healthz", () => Results.Text("ok"));

        // Create the schema before the first request, so a bad data folder fails at start, not later.
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
