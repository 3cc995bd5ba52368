using System.Security.Cryptography;
using System.Text.Json;
using CloudLink.Core.Instance;

namespace CloudLink.Core.State;

/// <summary>Reads and writes the instance's credentials file (0600 on Linux, DPAPI on Windows).</summary>
public sealed class CredentialStore(InstancePaths paths)
{
    public string FilePath => paths.CredentialsFile;

    public AgentCredentials? Load()
    {
        byte[] stored;
        try
        {
            stored = File.ReadAllBytes(FilePath);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
        catch (DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StateException(FilePath, $"cannot read the credentials ({e.Message}); run the command as the user the service runs as (root / an administrator).", e);
        }

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
            throw new StateException(FilePath, "the credentials file is damaged; delete it and pair the agent again with a new PIN.", e);
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
            if (!AtomicFile.CreateIfAbsent(FilePath, Serialize(fresh), privateFile: true))
            {
                // Another process of this instance created it first: use that one.
                return LoadOrCreatePending(cloudUrl);
            }

            return fresh;
        }

        Save(fresh);
        return fresh;
    }

    public void Save(AgentCredentials credentials)
    {
        AtomicFile.EnsurePrivateFolder(paths.StateFolder);
        AtomicFile.Write(FilePath, Serialize(credentials), privateFile: true);
    }

    /// <summary>Forgets the credentials (revoked, or the integration was deleted): the next start pairs again.</summary>
    public void Discard()
    {
        File.Delete(FilePath);
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
