using System.Globalization;

namespace CloudLink.Core.Database;

public enum WindowKind
{
    /// <summary>History older than 24 hours, read a day at a time on first connection.</summary>
    Backfill,

    /// <summary>A window that has just completed.</summary>
    Regular,

    /// <summary>A window of the last 24 hours read again for corrections.</summary>
    Reconcile,

    /// <summary>The current, still open window (agent status in real time).</summary>
    RealTime,
}

/// <summary>[From, To) in the database's local time, and the key under which the cloud keeps its latest content.</summary>
public sealed record ImportWindow(DateTime From, DateTime To, WindowKind Kind)
{
    public string Key(DataType type) => $"{type.Name}:{Text(From)}/{Text(To)}";

    public static string Text(DateTime local) => local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
