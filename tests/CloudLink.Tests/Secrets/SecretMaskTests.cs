using CloudLink.Core.Cloud;
using CloudLink.Core.Database;
using CloudLink.Core.Secrets;

namespace CloudLink.Tests.Secrets;

/// <summary>The masking table: every secret-bearing key of an ODBC connection string, any case, braced or not, and URL passwords.</summary>
public sealed class SecretMaskTests
{
    [Theory]
    [InlineData("DRIVER={PostgreSQL Unicode};Server=db;UID=wfm;PWD=Hunter2;", "DRIVER={PostgreSQL Unicode};Server=db;UID=wfm;PWD=***;")]
    [InlineData("pwd=Hunter2", "pwd=***")]
    [InlineData("Password = {Hun;ter}}2};Server=db", "Password =***;Server=db")]
    [InlineData("Server=db;PASSWORD={a}}b;c=d}", "Server=db;PASSWORD=***")]
    [InlineData("Server=db;sslpassword=k3y-pass;sslmode=require", "Server=db;sslpassword=***;sslmode=require")]
    [InlineData("Driver=x;Token=eyJhbGciOi;Host=h", "Driver=x;Token=***;Host=h")]
    [InlineData("AccessToken={abc;def};Host=h", "AccessToken=***;Host=h")]
    [InlineData("Access_Token=abc", "Access_Token=***")]
    [InlineData("ClientSecret=s3cr3t;Authentication=ActiveDirectoryServicePrincipal", "ClientSecret=***;Authentication=***")]
    [InlineData("Secret=x;Passwd=y;Pass=z", "Secret=***;Passwd=***;Pass=***")]
    [InlineData("AccountKey=abc==;Key=k;PrivateKey=p", "AccountKey=***;Key=***;PrivateKey=***")]
    [InlineData("Credentials=u:p;Uid=me", "Credentials=***;Uid=me")]
    [InlineData("DSN=acd", "DSN=acd")]
    [InlineData("Server=postgresql://wfm:Hunter2@db:5432/acd;UID=wfm", "Server=postgresql://wfm:****@db:5432/acd;UID=wfm")]
    [InlineData("no equals sign here", "no equals sign here")]
    [InlineData("Server=db;;PWD=x", "Server=db;;PWD=***")]
    public void Every_secret_value_of_a_connection_string_is_masked_and_nothing_else(string connectionString, string masked)
    {
        Assert.Equal(masked, SecretMask.ConnectionString(connectionString));
        Assert.Equal(masked, ConnectionStrings.Mask(connectionString));
    }

    [Theory]
    [InlineData("proxy http://svc:p%40ss@proxy.corp:3128 refused", "proxy http://svc:****@proxy.corp:3128 refused")]
    [InlineData("https://ops:pa@ss:w0rd@proxy:8080/", "https://ops:****@proxy:8080/")]
    [InlineData("http://proxy.corp:3128", "http://proxy.corp:3128")]
    [InlineData("see https://www.injixo.com/account/integrations", "see https://www.injixo.com/account/integrations")]
    public void A_url_password_is_masked_wherever_it_stands(string text, string masked) => Assert.Equal(masked, SecretMask.Url(text));

    [Theory]
    [InlineData("http://cloud.example.com", false)]
    [InlineData("http://10.0.0.5:5080", false)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://127.1.2.3:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("https://cloud.example.com", true)]
    public void The_cloud_is_reached_over_https_and_over_http_only_on_this_machine(string url, bool allowed)
    {
        var problem = CloudAddress.Problem(url);

        Assert.Equal(allowed, problem is null);
        if (!allowed)
        {
            Assert.Contains("would travel unencrypted", problem, StringComparison.Ordinal);
            Assert.Throws<ArgumentException>(() => new CloudClient(new Uri(url)));
        }
    }
}
