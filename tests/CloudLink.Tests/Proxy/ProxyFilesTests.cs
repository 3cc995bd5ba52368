using CloudLink.Core.Proxy;
using CloudLink.Tests.Support;

namespace CloudLink.Tests.Proxy;

/// <summary>The proxy URL rules and the Linux files (environment file and per-unit drop-ins) the cmdlets and scripts write.</summary>
public sealed class ProxyFilesTests
{
    [Fact]
    public void A_proxy_url_without_a_scheme_is_refused_with_the_fix_and_the_password_masked()
    {
        var error = Assert.Throws<ProxyException>(() => ProxyAddress.Parse("bob:s3cret@proxy.corp:3128", "HTTPS_PROXY"));

        Assert.Contains("HTTPS_PROXY = 'bob:s3cret@proxy.corp:3128' has no scheme", error.Message.Replace("****", "s3cret"), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://host:port", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://proxy:21", "scheme 'ftp'")]
    [InlineData("http://proxy:3128/path", "has a path")]
    [InlineData("http://", "not a valid URL")]
    public void Other_bad_proxy_urls_are_refused(string url, string reason)
    {
        Assert.Contains(reason, Assert.Throws<ProxyException>(() => ProxyAddress.Parse(url, "-Uri")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_are_url_encoded_kept_and_masked()
    {
        const string password = "p@ss:w/rd #%ü'";
        var address = ProxyAddress.Parse("http://proxy.corp:3128", "-Uri").WithCredential("CORP\\svc cl", password);

        Assert.Equal("http://CORP%5Csvc%20cl:p%40ss%3Aw%2Frd%20%23%25%C3%BC%27@proxy.corp:3128", address.Value);
        Assert.Equal("http://CORP%5Csvc%20cl:****@proxy.corp:3128", address.Masked);
        Assert.Equal("CORP\\svc cl", address.UserName);
        Assert.Equal(password, address.Password);
        Assert.Equal(password, ProxyAddress.Parse(address.Value, "x").Password);
    }

    [Theory]
    [InlineData("a\nLD_PRELOAD=/tmp/evil.so", "control character (U+000A) at character 2")]
    [InlineData("localhost\rHTTPS_PROXY=http://attacker:1", "control character (U+000D)")]
    [InlineData("localhost' LD_PRELOAD='/tmp/x", "holds ''' at character 10")]
    [InlineData("localhost,$(reboot)", "holds '$'")]
    public void A_no_proxy_list_that_could_add_settings_of_its_own_is_refused(string noProxy, string reason)
    {
        var error = Assert.Throws<ProxyException>(() => new ProxySettings(ProxyAddress.Parse("http://p:1", "x"), noProxy));

        Assert.Contains("NO_PROXY holds", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void An_inline_password_with_quotes_and_shell_characters_is_written_so_that_a_shell_reads_it_back_whole()
    {
        const string password = "pa'ss\"w$(id)`x`\\ ;#é";
        using var root = new TempFolder();
        var files = new LinuxProxyFiles(root.Path);
        // As a person writes it: ' $ ( ) ; raw, what a URL cannot hold raw encoded.
        var inline = "http://svc:" + password.Replace("\"", "%22", StringComparison.Ordinal).Replace("`", "%60", StringComparison.Ordinal)
            .Replace("\\", "%5C", StringComparison.Ordinal).Replace(" ", "%20", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal)
            .Replace("é", "%C3%A9", StringComparison.Ordinal) + "@proxy.corp:3128";

        files.Write(new ProxySettings(ProxyAddress.Parse(inline, "HTTPS_PROXY"), "localhost"), ["com.injixo.cloud-link.service"]);

        var text = File.ReadAllText(files.EnvironmentFile);
        Assert.All(text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(line => !line.StartsWith('#')),
            line => Assert.Matches("^[A-Za-z_]+='[A-Za-z0-9%:/@._~,-]*'$", line));
        Assert.Equal(password, files.Read()!.Address.Password);
        var shell = CloudLink.Tests.Support.Command.Output("bash", ["-c", "set -a; . \"$0\"; printf '%s' \"$HTTPS_PROXY\"", files.EnvironmentFile]);
        Assert.Equal(password, ProxyAddress.Parse(shell, "x").Password);
    }

    [Theory]
    [InlineData("localhost,.corp.example", "app.corp.example", true)]
    [InlineData("localhost,corp.example", "corp.example", true)]
    [InlineData("corp.example", "notcorp.example", false)]
    [InlineData("*", "anything", true)]
    [InlineData(null, "localhost", false)]
    public void No_proxy_matches_hosts_and_domains(string? noProxy, string host, bool bypassed)
    {
        Assert.Equal(bypassed, new ProxySettings(ProxyAddress.Parse("http://p:1", "x"), noProxy).Bypasses(host));
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Linux_files_are_the_private_environment_file_and_a_drop_in_per_unit()
    {
        using var root = new TempFolder();
        var files = new LinuxProxyFiles(root.Path);
        var settings = new ProxySettings(ProxyAddress.Parse("http://proxy.corp:3128", "x").WithCredential("svc", "a'b@c"), "localhost,.corp");

        files.Write(settings, ["com.injixo.cloud-link.service", "com.injixo.cloud-link.instance.1.service"]);

        Assert.Equal(
            "# Proxy for the injixo Cloud Link services, written by Set-CloudLinkProxy or cloudlink-proxy.sh.\n" +
            "# Each service reads it through its drop-in proxy.conf; change it with those tools.\n" +
            "HTTPS_PROXY='http://svc:a%27b%40c@proxy.corp:3128'\nhttps_proxy='http://svc:a%27b%40c@proxy.corp:3128'\n" +
            "NO_PROXY='localhost,.corp'\nno_proxy='localhost,.corp'\n",
            File.ReadAllText(root.Combine("etc", "injixo-cloud-link", "proxy.env")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(files.EnvironmentFile));
        var dropIn = root.Combine("etc", "systemd", "system", "com.injixo.cloud-link.instance.1.service.d", "proxy.conf");
        Assert.Equal(
            "# Written by Set-CloudLinkProxy or cloudlink-proxy.sh: the service reads its proxy from this file.\n[Service]\nEnvironmentFile=/etc/injixo-cloud-link/proxy.env\n",
            File.ReadAllText(dropIn));
        Assert.True(File.Exists(files.DropIn("com.injixo.cloud-link.service")));

        var read = files.Read()!;
        Assert.Equal("a'b@c", read.Address.Password);
        Assert.Equal("localhost,.corp", read.NoProxy);

        var removed = files.Remove(["com.injixo.cloud-link.service", "com.injixo.cloud-link.instance.1.service"]);
        Assert.Equal(3, removed.Count);
        Assert.Null(files.Read());
        Assert.False(Directory.Exists(Path.GetDirectoryName(dropIn)));
    }
}
