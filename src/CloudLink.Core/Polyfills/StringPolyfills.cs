#if NETSTANDARD2_0
namespace System;

/// <summary>The string overloads netstandard2.0 lacks, so shared code reads the same on both targets.</summary>
internal static class StringPolyfills
{
    public static bool Contains(this string text, string value, StringComparison comparison) => text.IndexOf(value, comparison) >= 0;

    public static bool Contains(this string text, char value) => text.IndexOf(value) >= 0;

    public static bool EndsWith(this string text, char value) => text.Length > 0 && text[text.Length - 1] == value;

    public static bool StartsWith(this string text, char value) => text.Length > 0 && text[0] == value;
}
#endif
