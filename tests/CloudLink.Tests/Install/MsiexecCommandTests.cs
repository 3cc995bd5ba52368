using CloudLink.Core.Install;
using CloudLink.Core.Processes;

namespace CloudLink.Tests.Install;

public sealed class MsiexecCommandTests
{
    [Fact]
    public void The_first_instance_is_a_plain_quiet_install_with_a_verbose_log()
    {
        var line = MsiexecCommand.Install(new MsiInstallRequest
        {
            MsiPath = @"C:\Setup\injixo-cloud-link.msi",
            Instance = 0,
            Folder = @"C:\Program Files\injixo Cloud Link",
            LogPath = @"C:\Temp\install.log",
        });

        Assert.Equal(@"/i C:\Setup\injixo-cloud-link.msi /qn /norestart /l*v C:\Temp\install.log INSTALLFOLDER=""C:\Program Files\injixo Cloud Link""", line);
    }

    [Fact]
    public void Further_instances_are_new_msi_instances_with_their_transform()
    {
        var line = MsiexecCommand.Install(new MsiInstallRequest
        {
            MsiPath = @"C:\My Setup\injixo-cloud-link.msi",
            Instance = 3,
            Folder = @"D:\CloudLink\acd east",
            LogPath = @"C:\Temp\i 3.log",
            CloudUrl = "https://eu.example.com",
            ImportDirectory = @"D:\exports\say ""hi""",
        });

        Assert.Equal(
            @"/i ""C:\My Setup\injixo-cloud-link.msi"" /qn /norestart /l*v ""C:\Temp\i 3.log"" MSINEWINSTANCE=1 TRANSFORMS="":instance.3"" " +
            @"INSTALLFOLDER=""D:\CloudLink\acd east"" CLOUDURL=""https://eu.example.com"" IMPORTDIRECTORY=""D:\exports\say """"hi""""""",
            line);
    }

    [Fact]
    public void Uninstall_removes_one_product_by_its_code()
    {
        Assert.Equal(@"/x {11111111-2222-3333-4444-555555555555} /qn /norestart /l*v ""C:\Temp\x y.log"" INSTALLFOLDER=""D:\CL\east""",
            MsiexecCommand.Uninstall("{11111111-2222-3333-4444-555555555555}", 0, @"C:\Temp\x y.log", @"D:\CL\east"));
    }

    [Fact]
    public void Uninstalling_an_instance_names_its_transform()
    {
        Assert.Equal(@"/x {11111111-2222-3333-4444-555555555555} /qn /norestart /l*v C:\Temp\x.log TRANSFORMS="":instance.4"" INSTALLFOLDER=""D:\CL\east""",
            MsiexecCommand.Uninstall("{11111111-2222-3333-4444-555555555555}", 4, @"C:\Temp\x.log", @"D:\CL\east"));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("", "\"\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData(@"C:\trailing slash\", "\"C:\\trailing slash\\\\\"")]
    public void Arguments_are_quoted_so_windows_splits_them_back(string argument, string quoted)
    {
        Assert.Equal(quoted, CommandLine.Quote(argument));
        Assert.Equal([argument], CloudLink.Core.Service.WindowsServiceCommand.Split(quoted));
    }
}
