using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CloudLink.Tests.Support;

/// <summary>
/// A throwaway certificate authority made by the tests, and server certificates it issues, as files:
/// the CA as PEM (what cloud.caFile takes) and each server certificate as PFX (what Kestrel takes).
/// </summary>
public sealed class TestCertificates : IDisposable
{
    public const string Password = "cloudlink-test";
    private readonly TempFolder _folder = new("cloudlink-certs");
    private readonly X509Certificate2 _authority;
    private readonly RSA _authorityKey = RSA.Create(2048);

    public TestCertificates(string name = "CloudLink Test CA")
    {
        var request = new CertificateRequest($"CN={name}", _authorityKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _authority = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        AuthorityPem = _folder.Combine("ca.pem");
        File.WriteAllText(AuthorityPem, "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(_authority.RawData, Base64FormattingOptions.InsertLineBreaks) + "\n-----END CERTIFICATE-----\n");
    }

    /// <summary>The authority's certificate as a PEM file.</summary>
    public string AuthorityPem { get; }

    public X509Certificate2 Authority => _authority;

    /// <summary>A server certificate for <paramref name="dnsName"/> (and 127.0.0.1 when <paramref name="withLoopback"/>), as a PFX file.</summary>
    public string ServerPfx(string dnsName = "localhost", bool withLoopback = true)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={dnsName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(dnsName);
        if (withLoopback)
        {
            names.AddIpAddress(IPAddress.Loopback);
        }

        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(_authority, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10), RandomNumberGenerator.GetBytes(8));
        using var withKey = issued.CopyWithPrivateKey(key);
        var path = _folder.Combine($"server-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, withKey.Export(X509ContentType.Pfx, Password));
        return path;
    }

    public void Dispose()
    {
        _authority.Dispose();
        _authorityKey.Dispose();
        _folder.Dispose();
    }
}
