using CloudLink.Cloud.Pairing;
using CloudLink.Cloud.Storage;
using CloudLink.Cloud.Uploads;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Api;

/// <summary>The people-side API: what a person does on the integrations page.</summary>
internal static class PeopleEndpoints
{
    private const int MaxNameLength = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        var integrations = app.MapGroup(PeopleRoutes.Integrations);
        integrations.MapPost("", Create);
        integrations.MapGet("", (IntegrationStore store, bool? includeDeleted) =>
            Results.Json(store.List(includeDeleted ?? false).ToList(), ProtocolJson.Default.ListIntegrationInfo));
        integrations.MapGet("/{id:long}", (long id, IntegrationStore store) =>
            store.Find(id) is { } found ? Results.Json(found, ProtocolJson.Default.IntegrationInfo) : MissingIntegration(id));
        integrations.MapDelete("/{id:long}", (long id, IntegrationStore store) =>
            store.Delete(id) ? Results.NoContent() : MissingIntegration(id));
        integrations.MapPost("/{id:long}/pause", (long id, IntegrationStore store) => SetPaused(store, id, paused: true));
        integrations.MapPost("/{id:long}/resume", (long id, IntegrationStore store) => SetPaused(store, id, paused: false));
        integrations.MapPut("/{id:long}/database", SetDatabaseSettings);
        integrations.MapPost("/{id:long}/pin-preview", PreviewPin);
        integrations.MapPost("/{id:long}/connect", Connect);
        integrations.MapGet("/{id:long}/agents", (long id, IntegrationStore store, AgentStore agents) =>
            store.Find(id) is null
                ? MissingIntegration(id)
                : Results.Json(agents.ListForIntegration(id).ToList(), ProtocolJson.Default.ListAgentInfo));

        app.MapDelete(PeopleRoutes.Agents + "/{id:long}", (long id, AgentStore agents) =>
            agents.Revoke(id) ? Results.NoContent() : ApiErrors.NotFound($"There is no active agent {id}."));

        app.MapGet(PeopleRoutes.Received, (long? integrationId, ReceivedFileStore files) =>
            Results.Json(files.List(integrationId).ToList(), ProtocolJson.Default.ListReceivedFileInfo));
        app.MapGet(PeopleRoutes.ReceivedWindows, (long? integrationId, bool? latest, ReceivedWindowStore windows) =>
            Results.Json(windows.List(integrationId, latest ?? false).ToList(), ProtocolJson.Default.ListReceivedWindowInfo));
        app.MapGet(PeopleRoutes.UploadMetrics, (UploadMetrics metrics) => Results.Json(metrics.Snapshot(), ProtocolJson.Default.UploadMetricsInfo));
        app.MapGet(PeopleRoutes.ReceivedWindows + "/{id:long}/content", (long id, ReceivedWindowStore windows, BlobStore blobs) =>
            windows.Find(id) is { } window
                ? Results.Stream(new System.IO.Compression.GZipStream(File.OpenRead(blobs.PathOf(window.Sha256)), System.IO.Compression.CompressionMode.Decompress), "text/csv; charset=utf-8")
                : ApiErrors.NotFound($"There is no received window {id}."));
        app.MapGet(PeopleRoutes.Received + "/{id:long}/content", (long id, ReceivedFileStore files, BlobStore blobs) =>
            files.Find(id) is { } file
                ? Results.File(blobs.PathOf(file.Sha256), "application/octet-stream", file.FileName)
                : ApiErrors.NotFound($"There is no received file {id}."));
    }

    private static IResult Create(CreateIntegrationRequest request, IntegrationStore store)
    {
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > MaxNameLength)
        {
            return ApiErrors.BadRequest($"Give the integration a name of 1 to {MaxNameLength} characters.");
        }

        if (!IntegrationTypes.IsKnown(request.Type))
        {
            return ApiErrors.BadRequest($"Unknown integration type '{request.Type}'. Use '{IntegrationTypes.Csv}' or '{IntegrationTypes.Database}'.");
        }

        var created = store.Create(name, request.Type);
        return Results.Json(created, ProtocolJson.Default.IntegrationInfo, statusCode: StatusCodes.Status201Created);
    }

    private static IResult SetDatabaseSettings(long id, DatabaseSettingsInfo settings, IntegrationStore store)
    {
        var problem = DatabaseSettingsCheck.Problem(settings);
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem);
        }

        return store.Find(id) is { DeletedAt: null, Type: IntegrationTypes.Database } && store.SetDatabaseSettings(id, settings)
            ? Results.Json(store.Find(id)!, ProtocolJson.Default.IntegrationInfo)
            : ApiErrors.NotFound($"There is no database integration {id}.");
    }

    private static IResult SetPaused(IntegrationStore store, long id, bool paused) =>
        store.SetPaused(id, paused)
            ? Results.Json(store.Find(id)!, ProtocolJson.Default.IntegrationInfo)
            : MissingIntegration(id);

    private static IResult PreviewPin(long id, PinRequest request, IntegrationStore store, PinConnector connector) =>
        CheckPin(id, request, store, connector, connect: false);

    private static IResult Connect(long id, PinRequest request, IntegrationStore store, PinConnector connector) =>
        CheckPin(id, request, store, connector, connect: true);

    private static IResult CheckPin(long id, PinRequest request, IntegrationStore store, PinConnector connector, bool connect)
    {
        if (store.Find(id) is not { DeletedAt: null })
        {
            return MissingIntegration(id);
        }

        var pin = request.Pin?.Trim() ?? "";
        var outcome = connect ? connector.Connect(id, pin) : connector.Preview(id, pin);
        if (outcome.Kind != PinOutcomeKind.Accepted)
        {
            return PinRefused(outcome);
        }

        return connect
            ? Results.Json(outcome.Agent!, ProtocolJson.Default.AgentInfo)
            : Results.Json(outcome.Preview!, ProtocolJson.Default.PinPreview);
    }

    private static IResult PinRefused(PinOutcome outcome) => outcome.Kind == PinOutcomeKind.TooManyAttempts
        ? ApiErrors.Error(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyAttempts,
            "Too many wrong PINs were entered. Wait five minutes, then enter the PIN the agent shows now.")
        : ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, ErrorCodes.PinInvalid,
            $"This PIN is wrong or has expired. Run 'injixo-cloud-link pin' on the server for the current one. Attempts left: {outcome.RemainingAttempts}.");

    private static IResult MissingIntegration(long id) => ApiErrors.NotFound($"There is no integration {id}.");
}
