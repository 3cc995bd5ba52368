using CloudLink.Cloud.Storage;

namespace CloudLink.Cloud.Accounts;

/// <summary>
/// The cloud executable's administration commands, run with the same settings as the server
/// (--Cloud:DataDirectory, --Cloud:PostgreSql, appsettings.json, environment):
/// <c>account create NAME EMAIL</c>, <c>token create EMAIL</c>, <c>user password EMAIL</c>. A password
/// is read from standard input when one is piped; a new API token is the last line of standard output.
/// </summary>
public static class AdminCommand
{
    private const int MinimumPasswordLength = 10;

    private const string Usage = """
        usage: cloudlink-cloud account create NAME EMAIL [--Cloud:...=VALUE ...]
                  creates an account and its first user; a password piped to standard input is set,
                  else the user has none until 'user password' sets one. Prints an API token last.
               cloudlink-cloud token create EMAIL [--name NAME] [--Cloud:...]
                  prints a new personal API token of that user as the last line.
               cloudlink-cloud user password EMAIL [--Cloud:...]
                  sets the user's password, read from standard input.
        Settings are the server's: --Cloud:DataDirectory=DIR (SQLite) or --Cloud:PostgreSql="Host=...".
        """;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] is "account" or "token" or "user" or "--help" or "help";

    public static int Run(string[] args, TextReader input, bool inputPiped, TextWriter output, TextWriter errors)
    {
        var words = args.TakeWhile(arg => !arg.StartsWith("--", StringComparison.Ordinal)).ToArray();
        var rest = args.Skip(words.Length).ToList();
        var name = TakeOption(rest, "--name") ?? "cloudlink-cloud";
        if (words is ["--help"] or ["help"] || words.Length < 3)
        {
            (words is ["--help"] or ["help"] ? output : errors).WriteLine(Usage);
            return words is ["--help"] or ["help"] ? 0 : 2;
        }

        try
        {
            var options = WebApplication.CreateSlimBuilder([.. rest]).Configuration.GetSection("Cloud").Get<CloudOptions>() ?? new CloudOptions();
            using var database = CloudDatabase.Create(options);
            var accounts = new AccountStore(database, TimeProvider.System);
            var tokens = new ApiTokenStore(database, TimeProvider.System);
            switch (words)
            {
                case ["account", "create", var accountName, var email]:
                    CheckEmail(email);
                    var password = inputPiped ? Password(input) : null;
                    var (user, adopted) = accounts.CreateAccount(CheckName(accountName), email, password);
                    output.WriteLine($"Created account {user.AccountId} '{user.AccountName}' with the user {user.Email}.");
                    if (adopted > 0)
                    {
                        output.WriteLine($"It owns the {adopted} integration(s) this cloud held from before accounts.");
                    }

                    if (password is null)
                    {
                        output.WriteLine($"The user has no password yet: pipe one to 'cloudlink-cloud user password {user.Email}' to sign in on the page.");
                    }

                    output.WriteLine(tokens.Create(user.UserId, name).Token);
                    return 0;
                case ["token", "create", var email]:
                    var owner = accounts.FindUser(email) ?? throw new AccountException($"There is no user with the email {email}; create one with 'cloudlink-cloud account create NAME EMAIL'.");
                    output.WriteLine(tokens.Create(owner.UserId, name).Token);
                    return 0;
                case ["user", "password", var email]:
                    accounts.SetPassword(email, (inputPiped ? Password(input) : null) ??
                        throw new AccountException("Pipe the new password to standard input, e.g. printf '%s' \"$PASSWORD\" | cloudlink-cloud user password EMAIL."));
                    output.WriteLine($"The password of {AccountStore.Normalize(email)} is set.");
                    return 0;
                default:
                    errors.WriteLine(Usage);
                    return 2;
            }
        }
        catch (AccountException error)
        {
            errors.WriteLine(error.Message);
            return 1;
        }
    }

    private static string? TakeOption(List<string> args, string option)
    {
        var at = args.IndexOf(option);
        if (at < 0 || at + 1 >= args.Count)
        {
            return null;
        }

        var value = args[at + 1];
        args.RemoveRange(at, 2);
        return value;
    }

    /// <summary>The piped password without the line ending a shell adds; null when nothing was piped.</summary>
    private static string? Password(TextReader input)
    {
        var password = input.ReadToEnd().TrimEnd('\r', '\n');
        if (password.Length == 0)
        {
            return null;
        }

        return password.Length >= MinimumPasswordLength
            ? password
            : throw new AccountException($"The password is too short: use at least {MinimumPasswordLength} characters.");
    }

    private static void CheckEmail(string email)
    {
        if (email.Length > 254 || email.Count(c => c == '@') != 1 || email.StartsWith('@') || email.EndsWith('@') || email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            throw new AccountException($"'{email}' is not an email address.");
        }
    }

    private static string CheckName(string name) =>
        Api.InputCheck.Label(name.Trim(), "NAME", 200) is { } problem ? throw new AccountException(problem) : name.Trim();
}
