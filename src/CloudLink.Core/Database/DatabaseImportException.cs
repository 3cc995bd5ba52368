namespace CloudLink.Core.Database;

/// <summary>A database import that cannot go on as configured: says what is wrong and what to change.</summary>
public sealed class DatabaseImportException(string message) : Exception(message);
