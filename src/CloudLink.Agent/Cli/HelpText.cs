namespace CloudLink.Agent.Cli;

internal static class HelpText
{
    public const string Main = """
        injixo-cloud-link: links this server to an injixo integration and uploads its data.

        Usage: injixo-cloud-link [--config PATH] COMMAND [OPTIONS]

        Commands:
          service    install | uninstall | start | stop | restart | status: this instance as a systemd service.
          run        Run in the foreground: pair by PIN if needed, then import (what the service starts).
          pin        Show the PIN banner to link this instance to an integration (a fresh PIN if none is valid).
          status     Show the instance: name, folders, link state, imports and backlog.
          check      Check everything the instance needs, one line each with the fix.
          csv        'csv check FILE': what the cloud would refuse in a CSV file, line by line.
          import     Tell the running agent to import now.
          config     Get or set a key of injixo-cloud-link.toml, keeping its comments.
          query      Run a database query as an integration would, and show what it returns;
                     'query approve' approves the integration's query (queryApproval = "local").
          proxy      set | show | unset: the proxy every instance on this host uses.
          logs       purge | schedule | unschedule: delete rotated logs, now or daily.
          version    Show the version.

        Global options:
          --config PATH   The instance's injixo-cloud-link.toml (default: next to the executable).
          --help          Help for any command, e.g. 'injixo-cloud-link pin --help'.

        Exit codes: 0 ok, 1 unexpected error, 2 usage error, 3 config invalid,
                    4 cloud unreachable or refused, 5 private state unreadable or unwritable,
                    6 database unreachable, query failed or lacks required columns,
                    7 service command failed, 8 service installed but not running,
                    9 files of the instance can be changed by others (run refused), 10 a check failed,
                    11 the cloud would refuse the CSV file (csv check).
        """;

    public const string Csv = """
        Usage: injixo-cloud-link csv check FILE [--type T] [--delimiter D] [--encoding E]
                                                [--timestamp-format F] [--json]

        Reads FILE as the cloud will and lists what it would refuse, each with its line, column,
        value and fix: required columns missing from the header, rows with the wrong number of
        fields, values that are not numbers or timestamps, unknown channels, bytes that are not in
        the encoding. Run it before pointing an export at the import folder; the agent runs the same
        check on every file it uploads, with the integration's settings. Never changes the file.

          --type T              interval (default), contact or agentstatus.
          --delimiter D         ; , tab or detect (default).
          --encoding E          utf-8 (default), iso-8859-1, iso-8859-9 or windows-1252; a file
                                with a UTF-8 byte order mark is read as UTF-8 whatever this says.
          --timestamp-format F  iso (default: 2026-12-01 08:15, 2026-12-01T08:15:00+01:00) or a
                                .NET date format such as "dd.MM.yyyy HH:mm".
          --json                The report as JSON.
        Exit code 11 when the cloud would refuse the file, 0 when it would take it.
        """;

    public const string Run = """
        Usage: injixo-cloud-link [--config PATH] run

        Runs the agent in the foreground until Ctrl+C or SIGTERM. Without credentials it asks the
        cloud for a PIN, shows the banner and waits until the PIN is entered on the integration's
        page; then it uploads new *.csv files from the import folder. The log goes to the console
        and to injixo-cloud-link.log in the instance folder.
        """;

    public const string Pin = """
        Usage: injixo-cloud-link [--config PATH] pin [--new] [--json | --wait]

        Shows the PIN banner. The PIN is valid for 5 minutes; a running agent picks up a new PIN by
        itself. If this instance is linked already, says to which integration. The running agent
        answers for itself; while it starts, pin waits for it rather than ask the cloud beside it.

          --new   Request a fresh PIN even if the current one is still valid.
          --json  The PIN, its expiry and the banner (or the integration) as one JSON object.
          --wait  Keep showing the current PIN (a new banner when it is renewed) until the
                  instance is linked; the window the Windows installer opens runs this.
        """;

    public const string Check = """
        Usage: injixo-cloud-link [--config PATH] check [--json]

        Checks everything the instance needs, one line each (ok, warning, FAILED or skipped) with
        the fix: the config; owners and modes of its files; that the service's user can read the
        import folder; the proxy; DNS, TCP, TLS and HTTP to the cloud through the proxy; the link;
        the database connection; whether the integration's query is approved (queryApproval) and a
        dry run of it over the last 24 hours with its row count (never of a query that waits for
        approval); and the service. Changes nothing. --json prints the results as JSON.
        Exit code 10 when a check failed.
        """;

    public const string Status = """
        Usage: injixo-cloud-link [--config PATH] status

        Shows the instance's name, folders, cloud address, link state (linked integration or the
        current PIN), number of imported files, the last import and the backlog of files waiting.
        """;

    public static string Config => """
        Usage: injixo-cloud-link [--config PATH] config get KEY
               injixo-cloud-link [--config PATH] config set KEY VALUE [--string]
               injixo-cloud-link [--config PATH] config set KEY [--stdin]

        get prints the value of KEY (its default, noted on stderr, when the file does not set it).
        set changes KEY in place: every comment, blank line and key order stays. true/false become
        booleans and numbers stay numbers; --string stores VALUE as text. A value that would make
        the config invalid is refused and the file is not changed. A missing file is created from
        the commented default. Restart the service for a change to take effect.
        Secrets (database.password, a connection string with PWD=...) stay off the command line:
        without VALUE, set asks for it without echoing, or reads one line of standard input
        (--stdin). A secret given as VALUE works, with a warning. Secrets are never printed, and a
        config that holds one loses every permission of other users.

        Keys:
        """ + Environment.NewLine + string.Join(Environment.NewLine, CloudLink.Core.Config.ConfigSchema.Keys.Select(key => $"  {key.Path,-22}{key.Help}"));

    public const string Query = """
        Usage: injixo-cloud-link [--config PATH] query --sql SQL [--connection CS] [--type TYPE]
                                 [--from TIME --to TIME] [--output FILE] [--timeout SECONDS]

        Runs SQL against the local database the way an integration would, before you save it:
        prints the row count and the first ten rows, or the required columns the query lacks.

          --sql SQL          The query.
          --connection CS    An ODBC connection string or "DSN=name"; default: [database] in the config.
          --type TYPE        interval, contact or agentstatus: checks the required columns.
          --from, --to TIME  Only rows of this window (e.g. 2026-03-29T00:00), on the type's time
                             column (timestamp, or starttime for agentstatus); bound as parameters.
          --output FILE      Write all rows as CSV to FILE.
          --timeout SECONDS  Query time limit (default 300).
        """;

    public const string Service = """
        Usage: sudo injixo-cloud-link [--config PATH] service install [--user NAME]|uninstall|start|stop|restart|status

        install    Writes a systemd unit named from [app] name (e.g. com.injixo.cloud-link.service)
                   that runs this instance from its folder, restarts it on failure and reads the
                   proxy from /etc/environment and the 'proxy set' drop-in; enables it. Refused if a unit of that name
                   belongs to another folder: give each instance a unique [app] name.
                   The service runs as the system user injixo-cloud-link (created when missing: no
                   home, no login), or --user NAME; --user root only when asked for, with a warning.
                   Its state and logs become that user's (0700/0600, logs 0640), the config root's
                   and readable by the user's group (0640). The unit is sandboxed: no capabilities,
                   no new privileges, a read-only system but for the instance's folder, its own
                   /tmp, only Unix and IP sockets. Warns, with the command that grants it, when the
                   user cannot read the import folder. An instance installed as root moves to the
                   user; a running service is restarted as it.
        uninstall  Stops, disables and removes this instance's unit; files, logs and state stay.
        start, stop, restart
                   Controls the unit this instance installed (recorded in its state folder).
        status     Shows the unit's state; exit 0 when it runs, 8 when it does not.
        """;

    public const string Import = """
        Usage: sudo injixo-cloud-link [--config PATH] import [--from TIME --to TIME]

        Tells the running agent (over its local control channel) to look for new files and due
        database windows now instead of at its next scan. Exit 8 when the agent is not running.
        --from/--to (database local time, e.g. 2026-11-20T00:00): read the database windows of
        that period again and send them as new versions (the cloud keeps the latest of each);
        kept in the state folder, so a period asked for while the agent is stopped is read when
        it starts.
        """;

    public const string Proxy = """
        Usage: sudo injixo-cloud-link proxy set URL [--user NAME [--password P]] [--no-proxy HOSTS]
               injixo-cloud-link proxy show | sudo injixo-cloud-link proxy unset

        set    URL is http://host:port (or https://); a URL without a scheme is refused. With
               --user, the password comes from --password or standard input and is URL-encoded.
               Linux: writes /etc/injixo-cloud-link/proxy.env (mode 0600) and a drop-in
               (UNIT.d/proxy.conf) for each instance's unit, then reloads systemd.
               Windows: sets the machine variables HTTPS_PROXY and NO_PROXY.
               Restart the instances afterwards ('service restart').
        show   The proxy in use, password masked.
        unset  Removes the proxy and the drop-ins.
        """;

    public const string Logs = """
        Usage: injixo-cloud-link [--config PATH] logs purge [--older-than DAYS] [--keep N] [--dry-run]
               sudo injixo-cloud-link [--config PATH] logs schedule [--older-than DAYS] [--keep N]
               sudo injixo-cloud-link [--config PATH] logs unschedule

        purge       Deletes this instance's rotated logs (injixo-cloud-link.YYYY-MM-DD.N.log) that
                    are older than DAYS and/or not among the N newest (with both: old and beyond N).
                    The current log is never deleted. --dry-run lists what would go.
        schedule    Runs that purge daily at 03:15: a systemd timer (UNIT-log-purge.timer) on Linux,
                    a scheduled task running as SYSTEM on Windows.
        unschedule  Removes the daily purge.
        """;

    public const string Version = """
        Usage: injixo-cloud-link version

        Shows the version of the agent.
        """;
}
