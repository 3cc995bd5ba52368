using CloudLink.Core.Service.Windows;

namespace CloudLink.Tests.Service;

public sealed class WindowsServiceNameTests
{
    [Theory]
    [InlineData("com.injixo.cloud-link", "injixo Cloud Link")]
    [InlineData("com.injixo.cloud-link.instance.1", "injixo Cloud Link (Instance 1)")]
    [InlineData("com.injixo.cloud-link.instance.8", "injixo Cloud Link (Instance 8)")]
    [InlineData("acd/east\\x", "injixo Cloud Link (acdeastx)")]
    public void Service_names_follow_the_installer(string appName, string serviceName)
    {
        Assert.Equal(serviceName, WindowsServiceName.From(appName));
    }
}
