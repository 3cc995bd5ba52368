using System.IO.Compression;
using System.Security.Claims;
using CloudLink.Cloud.Accounts;
using CloudLink.Cloud.Pairing;
using CloudLink.Cloud.Security;
using CloudLink.Cloud.Storage;
using CloudLink.Cloud.Uploads;
using CloudLink.Protocol;

namespace CloudLink.Cloud.Api;

/// <summary>
/// The people-side API: what a person does on the integrations page, or a script with an API
/// token. Every endpoint requires a signed-in user and sees only that user's account: another
/// account's integration, agent, file or window answers 404, like one that does not exist.
/// </summary>
internal static class PeopleEndpoints
{
    private const int MaxNameLength = 200;
    private const int MaxQueryLength = 100_000;

    public static RouteGroupBuilder People(IEndpointRouteBuilder app) =>
        app.MapGroup("").RequireAuthorization(PeopleAuthentication.Policy).AddEndpointFilter<CrossSiteRequestFilter>();

    public static void Map(IEndpointRouteBuilder app)
    {
        var people = People(app);
        var integrations = people.MapGroup(PeopleRoutes.Integrations);
        integrations.MapPost("", Create);
        integrations.MapGet("", (ClaimsPrincipal principal, IntegrationStore store, bool? includeDeleted) =>
            Results.Json(store.List(User(principal).AccountId, includeDeleted ?? false).ToList(), ProtocolJson.Default.ListIntegrationInfo));
        integrations.MapGet("/{id:long}", (long id, ClaimsPrincipal principal, IntegrationStore store) =>
            store.Find(User(principal).AccountId, id) is { } found ? Results.Json(found, ProtocolJson.Default.IntegrationInfo) : MissingIntegration(id));
        integrations.MapDelete("/{id:long}", (long id, ClaimsPrincipal principal, IntegrationStore store) =>
            store.Delete(User(principal).AccountId, id) ? Results.NoContent() : MissingIntegration(id));
        integrations.MapPost("/{id:long}/pause", (long id, ClaimsPrincipal principal, IntegrationStore store) => SetPaused(store, User(principal), id, paused: true));
        integrations.MapPost("/{id:long}/resume", (long id, ClaimsPrincipal principal, IntegrationStore store) => SetPaused(store, User(principal), id, paused: false));
        integrations.MapPut("/{id:long}/database", SetDatabaseSettings);
        integrations.MapPut("/{id:long}/csv", SetCsvSettings);
        integrations.MapGet("/{id:long}/query-changes", (long id, ClaimsPrincipal principal, IntegrationStore store) =>
            store.Find(User(principal).AccountId, id) is null
                ? MissingIntegration(id)
                : Results.Json(store.QueryChanges(User(principal).AccountId, id).ToList(), ProtocolJson.Default.ListQueryChangeInfo));
        integrations.MapPost("/{id:long}/pin-preview", (long id, PinRequest request, HttpContext context, IntegrationStore store, PinConnector connector) =>
            CheckPin(id, request, context, store, connector, connect: false));
        integrations.MapPost("/{id:long}/connect", (long id, PinRequest request, HttpContext context, IntegrationStore store, PinConnector connector) =>
            CheckPin(id, request, context, store, connector, connect: true));
        integrations.MapGet("/{id:long}/agents", (long id, ClaimsPrincipal principal, IntegrationStore store, AgentStore agents) =>
            store.Find(User(principal).AccountId, id) is null
                ? MissingIntegration(id)
                : Results.Json(agents.ListForIntegration(User(principal).AccountId, id).ToList(), ProtocolJson.Default.ListAgentInfo));

        people.MapDelete(PeopleRoutes.Agents + "/{id:long}", (long id, ClaimsPrincipal principal, AgentStore agents) =>
            agents.Revoke(User(principal).AccountId, id) ? Results.NoContent() : ApiErrors.NotFound($"There is no active agent {id}."));

        people.MapGet(PeopleRoutes.Received, (long? integrationId, ClaimsPrincipal principal, IntegrationStore store, ReceivedFileStore files) =>
            OfIntegration(store, User(principal), integrationId) ??
            Results.Json(files.List(User(principal).AccountId, integrationId).ToList(), ProtocolJson.Default.ListReceivedFileInfo));
        people.MapGet(PeopleRoutes.ReceivedWindows, (long? integrationId, bool? latest, ClaimsPrincipal principal, IntegrationStore store, ReceivedWindowStore windows) =>
            OfIntegration(store, User(principal), integrationId) ??
            Results.Json(windows.List(User(principal).AccountId, integrationId, latest ?? false).ToList(), ProtocolJson.Default.ListReceivedWindowInfo));
        people.MapGet(PeopleRoutes.ReceivedWindows + "/{id:long}/content", (long id, ClaimsPrincipal principal, ReceivedWindowStore windows, BlobStore blobs) =>
            windows.Find(User(principal).AccountId, id) is { } window
                ? Results.Stream(new GZipStream(File.OpenRead(blobs.PathOf(window.Sha256)), CompressionMode.Decompress), "text/csv; charset=utf-8")
                : ApiErrors.NotFound($"There is no received window {id}."));
        people.MapGet(PeopleRoutes.Received + "/{id:long}/content", (long id, ClaimsPrincipal principal, ReceivedFileStore files, BlobStore blobs) =>
            files.Find(User(principal).AccountId, id) is { } file
                ? Results.File(blobs.PathOf(file.Sha256), "application/octet-stream", file.FileName)
                : ApiErrors.NotFound($"There is no received file {id}."));
        // Cloud-wide counts and latencies of the uploads answered: no account's objects or names.
        people.MapGet(PeopleRoutes.UploadMetrics, (UploadMetrics metrics) => Results.Json(metrics.Snapshot(), ProtocolJson.Default.UploadMetricsInfo));
    }

    public static PeopleUser User(ClaimsPrincipal principal) => PeopleClaims.User(principal);

    private static IResult Create(CreateIntegrationRequest request, ClaimsPrincipal principal, IntegrationStore store)
    {
        var problem = InputCheck.Label(request.Name?.Trim(), "name", MaxNameLength);
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem + " Give the integration a name.");
        }

        if (!IntegrationTypes.IsKnown(request.Type))
        {
            return ApiErrors.BadRequest($"type: Unknown integration type '{request.Type}'. Use '{IntegrationTypes.Csv}' or '{IntegrationTypes.Database}'.");
        }

        var created = store.Create(User(principal).AccountId, request.Name!.Trim(), request.Type);
        return Results.Json(created, ProtocolJson.Default.IntegrationInfo, statusCode: StatusCodes.Status201Created);
    }

    private static IResult SetDatabaseSettings(long id, DatabaseSettingsInfo settings, ClaimsPrincipal principal, IntegrationStore store)
    {
        var problem = settings.Query?.Length > MaxQueryLength
            ? $"query is at most {MaxQueryLength} characters."
            : DatabaseSettingsCheck.Problem(settings);
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem);
        }

        var user = User(principal);
        return store.SetDatabaseSettings(user.AccountId, user.UserId, id, settings)
            ? Results.Json(store.Find(user.AccountId, id)!, ProtocolJson.Default.IntegrationInfo)
            : ApiErrors.NotFound($"There is no database integration {id}.");
    }

    private static IResult SetCsvSettings(long id, CsvSettingsInfo settings, ClaimsPrincipal principal, IntegrationStore store)
    {
        var problem = CsvSettingsCheck.Problem(settings);
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem);
        }

        var user = User(principal);
        return store.SetCsvSettings(user.AccountId, id, settings)
            ? Results.Json(store.Find(user.AccountId, id)!, ProtocolJson.Default.IntegrationInfo)
            : ApiErrors.NotFound($"There is no CSV integration {id}.");
    }

    private static IResult SetPaused(IntegrationStore store, PeopleUser user, long id, bool paused) =>
        store.SetPaused(user.AccountId, id, paused)
            ? Results.Json(store.Find(user.AccountId, id)!, ProtocolJson.Default.IntegrationInfo)
            : MissingIntegration(id);

    private static IResult CheckPin(long id, PinRequest request, HttpContext context, IntegrationStore store, PinConnector connector, bool connect)
    {
        var user = User(context.User);
        if (store.Find(user.AccountId, id) is not { DeletedAt: null })
        {
            return MissingIntegration(id);
        }

        var pin = request.Pin?.Trim() ?? "";
        var source = SourceAddress.Of(context);
        var outcome = connect ? connector.Connect(user, id, pin, source) : connector.Preview(user, id, pin, source);
        if (outcome.Kind != PinOutcomeKind.Accepted)
        {
            return PinRefused(outcome);
        }

        return connect
            ? Results.Json(outcome.Agent!, ProtocolJson.Default.AgentInfo)
            : Results.Json(outcome.Preview!, ProtocolJson.Default.PinPreview);
    }

    /// <summary>404 when <paramref name="integrationId"/> names no integration of the account; null to go on.</summary>
    private static IResult? OfIntegration(IntegrationStore store, PeopleUser user, long? integrationId) =>
        integrationId is { } id && store.Find(user.AccountId, id) is null ? MissingIntegration(id) : null;

    private static IResult PinRefused(PinOutcome outcome) => outcome.Kind == PinOutcomeKind.TooManyAttempts
        ? ApiErrors.Error(StatusCodes.Status429TooManyRequests, ErrorCodes.TooManyAttempts, outcome.Limit switch
        {
            "integration" => "Too many wrong PINs were entered for this integration. Wait five minutes, then enter the PIN the agent shows now.",
            "account" => "Too many wrong PINs were entered in this account. Wait five minutes, then enter the PIN the agent shows now.",
            _ => "Too many wrong PINs came from this address. Wait five minutes, then enter the PIN the agent shows now.",
        })
        : ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, ErrorCodes.PinInvalid,
            $"This PIN is wrong or has expired. Run 'injixo-cloud-link pin' on the server for the current one. Attempts left: {outcome.RemainingAttempts}.");

    private static IResult MissingIntegration(long id) => ApiErrors.NotFound($"There is no integration {id}.");
}
