using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CloudLink.Core.Cloud;

/// <summary>
/// Checks the cloud's TLS certificate: against the system's trusted authorities, or against the
/// private authority in cloud.caFile. There is no way to skip the check; a refusal is remembered
/// so the error can say exactly why (issued for another name, unknown authority, expired).
/// </summary>
public sealed class CloudTrust
{
    private readonly X509Certificate2[] _authorities;

    private CloudTrust(X509Certificate2[] authorities) => _authorities = authorities;

    /// <summary>Why the last certificate was refused, for the error message.</summary>
    public string? LastFailure { get; private set; }

    public bool UsesPrivateAuthority => _authorities.Length > 0;

    public static CloudTrust Load(string? caFile) => new(caFile is null ? [] : ReadPem(caFile));

    /// <summary>Null when <paramref name="path"/> is a readable PEM file with at least one certificate, else what is wrong.</summary>
    public static string? Check(string path)
    {
        try
        {
            return ReadPem(path).Length == 0
                ? $"{path} holds no certificate; give a PEM file with a \"-----BEGIN CERTIFICATE-----\" block."
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot read {path} ({e.Message}); check the path and that this user may read it.";
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            return $"{path} is not a valid PEM certificate file ({e.Message}).";
        }
    }

    public bool Validate(X509Certificate2? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        LastFailure = null;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return Fail("the server sent no certificate");
        }

        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return Fail($"the certificate is issued for {certificate.GetNameInfo(X509NameType.DnsName, false)}, not for the host name in the cloud address");
        }

        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (_authorities.Length == 0)
        {
            return Fail($"it is not issued by an authority this system trusts ({Describe(chain)})");
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
#if NET
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        var trusted = custom.Build(certificate);
#else
        custom.ChainPolicy.ExtraStore.AddRange(_authorities);
        custom.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
        var trusted = custom.Build(certificate)
            && _authorities.Any(a => a.Thumbprint == custom.ChainElements[custom.ChainElements.Count - 1].Certificate.Thumbprint);
#endif
        return trusted || Fail($"it is not issued by the authority in cloud.caFile ({Describe(custom)})");
    }

    private bool Fail(string reason)
    {
        LastFailure = reason;
        return false;
    }

    private static string Describe(X509Chain? chain)
    {
        var statuses = chain?.ChainStatus.Select(s => s.StatusInformation.Trim()).Where(s => s.Length > 0).Distinct().ToList();
        return statuses is { Count: > 0 } ? string.Join("; ", statuses) : "no trusted chain";
    }

    private static X509Certificate2[] ReadPem(string path)
    {
        const string Begin = "-----BEGIN CERTIFICATE-----";
        const string End = "-----END CERTIFICATE-----";
        var text = File.ReadAllText(path);
        var certificates = new List<X509Certificate2>();
        for (var start = text.IndexOf(Begin, StringComparison.Ordinal); start >= 0; start = text.IndexOf(Begin, start + 1, StringComparison.Ordinal))
        {
            var end = text.IndexOf(End, start, StringComparison.Ordinal);
            if (end < 0)
            {
                throw new FormatException($"a certificate block has no \"{End}\" line");
            }

            var body = text.Substring(start + Begin.Length, end - start - Begin.Length);
#if NET
            certificates.Add(X509CertificateLoader.LoadCertificate(Convert.FromBase64String(body)));
#else
            certificates.Add(new X509Certificate2(Convert.FromBase64String(body)));
#endif
        }

        return [.. certificates];
    }
}
