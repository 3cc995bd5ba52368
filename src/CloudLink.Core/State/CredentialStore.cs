using System.Security.Cryptography;
using System.Text.Json;
using CloudLink.Core.Instance;

namespace CloudLink.Core.State;

/// <summary>Reads and writes the instance's credentials file (0600 on Linux, DPAPI on Windows), kept with a copy.</summary>
public sealed class CredentialStore(InstancePaths paths)
{
    public string FilePath => paths.CredentialsFile;

    /// <summary>Set when the last <see cref="Load"/> found the file damaged and used its copy: what was wrong.</summary>
    public string? RecoveredFrom { get; private set; }

    /// <summary>The credentials as they are, for commands that only show them: a damaged file is read from its copy but not restored.</summary>
    public AgentCredentials? Read() => Load(restore: false);

    public AgentCredentials? Load() => Load(restore: true);

    private AgentCredentials? Load(bool restore)
    {
        RecoveredFrom = null;
        try
        {
            return MirroredFile.Read<AgentCredentials, StateException>(FilePath, Parse, damage => RecoveredFrom = damage.InnerException?.Message ?? damage.Message, restore);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateException(FilePath, $"cannot read the credentials ({e.Message}); run the command as the user the service runs as (root / an administrator).", e);
        }
    }

    private AgentCredentials Parse(byte[] stored)
    {
        try
        {
            var credentials = JsonSerializer.Deserialize(SecretProtector.Unprotect(stored), StateJson.Default.AgentCredentials);
            if (credentials is null || credentials.Secret.Length == 0)
            {
                throw new JsonException("no secret");
            }

            return credentials;
        }
        catch (Exception e) when (e is JsonException or CryptographicException or System.ComponentModel.Win32Exception)
        {
            throw new StateException(FilePath, $"the credentials file and its copy {Path.GetFileName(MirroredFile.CopyOf(FilePath))} are damaged; delete both and pair the agent again with a new PIN.", e);
        }
    }

    /// <summary>
    /// The credentials for <paramref name="cloudUrl"/>: the stored ones, or a new unlinked secret
    /// saved before it is first used, so a crash can never lose a secret the cloud already knows.
    /// </summary>
    public AgentCredentials LoadOrCreatePending(Uri cloudUrl)
    {
        var url = Normalize(cloudUrl);
        var current = Load();
        if (current is not null && current.CloudUrl == url)
        {
            return current;
        }

        var fresh = new AgentCredentials { Secret = NewSecret(), CloudUrl = url };
        if (current is null)
        {
            AtomicFile.EnsurePrivateFolder(paths.StateFolder);
            var content = Serialize(fresh);
            if (!AtomicFile.CreateIfAbsent(FilePath, content, privateFile: true))
            {
                // Another process of this instance created it first: use that one.
                return LoadOrCreatePending(cloudUrl);
            }

            AtomicFile.Write(MirroredFile.CopyOf(FilePath), content, privateFile: true);
            return fresh;
        }

        Save(fresh);
        return fresh;
    }

    public void Save(AgentCredentials credentials)
    {
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        MirroredFile.Write(FilePath, Serialize(credentials), privateFile: true);
    }

    /// <summary>Forgets the credentials (revoked, or the integration was deleted): the next start pairs again.</summary>
    public void Discard()
    {
        MirroredFile.Delete(FilePath);
        File.Delete(paths.PinFile);
    }

    public static string Normalize(Uri cloudUrl) => cloudUrl.GetLeftPart(UriPartial.Path).TrimEnd('/');

    private static byte[] Serialize(AgentCredentials credentials) =>
        SecretProtector.Protect(JsonSerializer.SerializeToUtf8Bytes(credentials, StateJson.Default.AgentCredentials));

    private static string NewSecret()
    {
        var bytes = new byte[32];
        using (var random = RandomNumberGenerator.Create())
        {
            random.GetBytes(bytes);
        }

        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
