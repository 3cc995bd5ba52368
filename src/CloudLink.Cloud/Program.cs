using CloudLink.Cloud;
using CloudLink.Cloud.Accounts;

if (AdminCommand.Matches(args))
{
    return AdminCommand.Run(args, Console.In, Console.IsInputRedirected, Console.Out, Console.Error);
}

var app = CloudApp.Build(args);
await app.RunAsync();
return 0;
