using CloudLink.Cloud.Pairing;
using CloudLink.Cloud.Security;
using CloudLink.Cloud.Storage;
using CloudLink.Cloud.Uploads;
using CloudLink.Protocol;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CloudLink.Cloud.Api;

/// <summary>The agent-side API: pairing by PIN, settings, heartbeat and file intake.</summary>
internal static class AgentEndpoints
{
    private const int MaxLabelLength = 255;
    private const int MaxVersionLength = 64;
    private const int MaxWindowKeyLength = 200;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost(AgentRoutes.Pairing, RequestPin).RequireRateLimiting(RateLimits.Pairing);
        app.MapGet(AgentRoutes.Pairing, PollPairing);
        app.MapGet(AgentRoutes.Settings, GetSettings);
        app.MapPost(AgentRoutes.Heartbeat, Heartbeat);
        app.MapGet(AgentRoutes.Files + "/{sha256}", FindFile);
        app.MapPost(AgentRoutes.Files, Upload);
        app.MapPost(AgentRoutes.Files + "/{id:long}" + AgentRoutes.FileCheckSuffix, ReportCheck);
        app.MapPost(AgentRoutes.Windows, UploadWindow);
        app.MapGet(AgentRoutes.Windows, ListWindows);
    }

    private static IResult RequestPin(HttpContext context, PairingRequest request, AgentStore agents, PairingStore pairings)
    {
        var secret = AgentAuthentication.BearerSecret(context);
        if (secret is null)
        {
            return AgentAuthentication.MissingSecret();
        }

        var problem = InputCheck.Label(request.HostName, "hostName", MaxLabelLength) ??
                      InputCheck.Label(request.InstanceName, "instanceName", MaxLabelLength) ??
                      InputCheck.Label(request.AgentVersion, "agentVersion", MaxVersionLength);
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem);
        }

        var hash = SecretHash.Of(secret);
        var linked = LinkedStatus(agents.FindBySecretHash(hash));
        if (linked is not null)
        {
            return linked;
        }

        return pairings.RequestPin(hash, request) is { } status
            ? Results.Json(status, ProtocolJson.Default.PairingStatus, statusCode: StatusCodes.Status201Created)
            : ApiErrors.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.PairingFull,
                "As many agents as this cloud allows are waiting for a PIN. The agent asks again shortly; no action is needed.");
    }

    private static IResult PollPairing(HttpContext context, AgentStore agents, PairingStore pairings)
    {
        var secret = AgentAuthentication.BearerSecret(context);
        if (secret is null)
        {
            return AgentAuthentication.MissingSecret();
        }

        var hash = SecretHash.Of(secret);
        var linked = LinkedStatus(agents.FindBySecretHash(hash));
        if (linked is not null)
        {
            return linked;
        }

        var status = pairings.Poll(hash);
        return status is null
            ? ApiErrors.NotFound("No PIN was requested with this secret. Request one with POST " + AgentRoutes.Pairing + ".")
            : Results.Json(status, ProtocolJson.Default.PairingStatus);
    }

    /// <summary>For a secret that already belongs to an agent: its linked state, or why it may no longer be used.</summary>
    private static IResult? LinkedStatus(AgentRecord? agent)
    {
        if (agent is null)
        {
            return null;
        }

        if (agent.Revoked || agent.IntegrationDeleted)
        {
            return ApiErrors.Error(StatusCodes.Status401Unauthorized,
                agent.Revoked ? ErrorCodes.CredentialRevoked : ErrorCodes.IntegrationDeleted,
                "This secret belonged to an agent that can no longer be used. Generate a new secret and request a PIN.");
        }

        return Results.Json(new PairingStatus
        {
            State = PairingState.Linked,
            AgentId = agent.Id,
            IntegrationId = agent.IntegrationId,
            IntegrationName = agent.IntegrationName,
        }, ProtocolJson.Default.PairingStatus);
    }

    private static IResult GetSettings(HttpContext context, AgentStore agents, IOptions<CloudOptions> options)
    {
        var (agent, error) = AgentAuthentication.Authenticate(context, agents);
        if (agent is null)
        {
            return error!;
        }

        return Results.Json(new IntegrationSettings
        {
            IntegrationId = agent.IntegrationId,
            Name = agent.IntegrationName,
            Type = agent.IntegrationType,
            Paused = agent.IntegrationPaused,
            Database = agent.Database,
            Csv = agent.Csv,
            MaxUploadBytes = options.Value.MaxUploadBytes,
        }, ProtocolJson.Default.IntegrationSettings);
    }

    private static IResult Heartbeat(HttpContext context, HeartbeatRequest request, AgentStore agents)
    {
        var (agent, error) = AgentAuthentication.Authenticate(context, agents);
        if (agent is null)
        {
            return error!;
        }

        var problem = InputCheck.Label(request.AgentVersion, "agentVersion", MaxVersionLength);
        if (problem is not null || request.Backlog < 0)
        {
            return ApiErrors.BadRequest(problem ?? "backlog must not be negative.");
        }

        agents.RecordHeartbeat(agent.Id, request);
        return Results.NoContent();
    }

    private static IResult FindFile(HttpContext context, string sha256, AgentStore agents, ReceivedFileStore files)
    {
        var (agent, error) = AgentAuthentication.Authenticate(context, agents);
        if (agent is null)
        {
            return error!;
        }

        var file = Sha256Text.IsValid(sha256) ? files.Find(agent.IntegrationId, sha256.ToLowerInvariant()) : null;
        return file is null
            ? ApiErrors.NotFound("This integration has not received that content.")
            : Results.Json(file, ProtocolJson.Default.ReceivedFileInfo);
    }

    /// <summary>The latest version of every window the agent's integration holds: what an agent rebuilds a lost checkpoint from.</summary>
    private static IResult ListWindows(HttpContext context, AgentStore agents, ReceivedWindowStore windows)
    {
        var (agent, error) = AgentAuthentication.Authenticate(context, agents);
        return agent is null ? error! : Results.Json(windows.ListForIntegration(agent.IntegrationId, latestOnly: true).ToList(), ProtocolJson.Default.ListReceivedWindowInfo);
    }

    private static async Task<IResult> Upload(
        HttpContext context, AgentStore agents, ReceivedFileStore files, BlobStore blobs,
        IOptions<CloudOptions> options, CancellationToken cancellationToken)
    {
        var (agent, error) = AuthenticateForUpload(context, agents);
        if (agent is null)
        {
            return error!;
        }

        var name = UploadName.Clean(context.Request.Query[AgentRoutes.FileNameParameter]);
        var claimed = context.Request.Query[AgentRoutes.Sha256Parameter].ToString();
        var problem = InputCheck.Label(name, AgentRoutes.FileNameParameter, MaxLabelLength) ??
                      (Sha256Text.IsValid(claimed) ? null : $"{AgentRoutes.Sha256Parameter} must be the content's SHA-256 as 64 hex digits.");
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem);
        }

        var (incoming, refusal) = await ReceiveAsync(context, blobs, options.Value.MaxUploadBytes, claimed.ToLowerInvariant(), cancellationToken);
        if (incoming is null)
        {
            return refusal!;
        }

        using (incoming)
        {
            blobs.Commit(incoming);
            var (file, added) = files.Add(agent.IntegrationId, agent.Id, name!, incoming.Size, incoming.Sha256);
            return Acknowledge(file.Id, file.Sha256, added);
        }
    }

    private static IResult ReportCheck(long id, CsvCheckReport report, HttpContext context, AgentStore agents, ReceivedFileStore files)
    {
        var (agent, error) = AgentAuthentication.Authenticate(context, agents);
        if (agent is null)
        {
            return error!;
        }

        var problem = CsvCheckReportRules.Problem(report);
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem);
        }

        return files.SetCheck(agent.IntegrationId, id, report)
            ? Results.NoContent()
            : ApiErrors.NotFound($"The integration has no received file {id}.");
    }

    private static async Task<IResult> UploadWindow(
        HttpContext context, AgentStore agents, ReceivedWindowStore windows, BlobStore blobs,
        IOptions<CloudOptions> options, CancellationToken cancellationToken)
    {
        var (agent, error) = AuthenticateForUpload(context, agents);
        if (agent is null)
        {
            return error!;
        }

        var query = context.Request.Query;
        var key = query[AgentRoutes.WindowKeyParameter].ToString();
        var from = query[AgentRoutes.WindowFromParameter].ToString();
        var to = query[AgentRoutes.WindowToParameter].ToString();
        var claimed = query[AgentRoutes.Sha256Parameter].ToString();
        var rows = 0L;
        var problem = InputCheck.Label(key, AgentRoutes.WindowKeyParameter, MaxWindowKeyLength) ??
                      WindowBoundsProblem(from, to) ??
                      (long.TryParse(query[AgentRoutes.WindowRowsParameter], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out rows)
                          ? null : $"{AgentRoutes.WindowRowsParameter} must be the window's row count, a whole number of 0 or more.") ??
                      (Sha256Text.IsValid(claimed) ? null : $"{AgentRoutes.Sha256Parameter} must be the body's SHA-256 as 64 hex digits.");
        if (problem is not null)
        {
            return ApiErrors.BadRequest(problem);
        }

        var (incoming, refusal) = await ReceiveAsync(context, blobs, options.Value.MaxUploadBytes, claimed.ToLowerInvariant(), cancellationToken);
        if (incoming is null)
        {
            return refusal!;
        }

        using (incoming)
        {
            if (!GzipContent.IsValid(incoming.Path))
            {
                return ApiErrors.BadRequest("The window's body is not complete gzip-compressed data; send the window's CSV compressed with gzip.");
            }

            blobs.Commit(incoming);
            var (window, added) = windows.Add(agent.IntegrationId, agent.Id, key, from, to, rows, incoming.Size, incoming.Sha256);
            return Acknowledge(window.Id, window.Sha256, added);
        }
    }

    private static string? WindowBoundsProblem(string from, string to)
    {
        if (InputCheck.LocalTimestamp(from) is not { } start || InputCheck.LocalTimestamp(to) is not { } end)
        {
            return $"{AgentRoutes.WindowFromParameter} and {AgentRoutes.WindowToParameter} must be the window's bounds in the database's local time, as yyyy-MM-ddTHH:mm.";
        }

        return start < end ? null : $"{AgentRoutes.WindowFromParameter} must be before {AgentRoutes.WindowToParameter}.";
    }

    /// <summary>The agent behind an upload, or why it may not upload now (credential, or the integration is paused).</summary>
    private static (AgentRecord? Agent, IResult? Error) AuthenticateForUpload(HttpContext context, AgentStore agents)
    {
        var (agent, error) = AgentAuthentication.Authenticate(context, agents);
        if (agent is { IntegrationPaused: true })
        {
            return (null, ApiErrors.Error(StatusCodes.Status423Locked, ErrorCodes.IntegrationPaused,
                "The integration is paused; nothing is imported until it is resumed."));
        }

        return (agent, error);
    }

    /// <summary>The acknowledgement after which the agent may record the upload: 201 stored now, 200 held already.</summary>
    private static IResult Acknowledge(long id, string sha256, bool added) => Results.Json(
        new UploadResult { Status = added ? UploadStatus.Stored : UploadStatus.Duplicate, FileId = id, Sha256 = sha256 },
        ProtocolJson.Default.UploadResult, statusCode: added ? StatusCodes.Status201Created : StatusCodes.Status200OK);

    /// <summary>Streams the request body to a temporary blob and checks it against the claimed SHA-256.</summary>
    private static async Task<(IncomingBlob? Blob, IResult? Refusal)> ReceiveAsync(
        HttpContext context, BlobStore blobs, long limit, string claimed, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit));
        }

        var sizeFeature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (sizeFeature is { IsReadOnly: false })
        {
            sizeFeature.MaxRequestBodySize = limit;
        }

        IncomingBlob incoming;
        try
        {
            incoming = await blobs.ReceiveAsync(context.Request.Body, limit, cancellationToken);
        }
        catch (UploadTooLargeException)
        {
            return (null, TooLarge(limit));
        }

        if (incoming.Sha256 != claimed)
        {
            incoming.Dispose();
            return (null, ApiErrors.Error(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ChecksumMismatch,
                $"The content received has SHA-256 {incoming.Sha256}, but the upload claimed {claimed}. The file changed or was damaged in transit; send it again."));
        }

        return (incoming, null);
    }

    private static IResult TooLarge(long limit) => ApiErrors.Error(StatusCodes.Status413PayloadTooLarge, ErrorCodes.TooLarge,
        $"The file is larger than the {limit} bytes this cloud accepts. Split it into smaller files.");
}
