namespace CloudLink.Core.Toml.Syntax;

public enum TomlTokenKind
{
    ByteOrderMark,
    Whitespace,
    Newline,
    Comment,
    Equals,
    Dot,
    Comma,
    OpenBracket,
    CloseBracket,
    OpenBrace,
    CloseBrace,
    BareKey,
    BasicString,
    LiteralString,
    MultiLineBasicString,
    MultiLineLiteralString,
    IntegerLiteral,
    FloatLiteral,
    BooleanLiteral,
    DateTime,
}

/// <summary>One token of the source, trivia included: the tokens of a document, joined, are the document.</summary>
public sealed class TomlToken(TomlTokenKind kind, int start, string text)
{
    public TomlTokenKind Kind { get; } = kind;

    /// <summary>Offset of the first character in the document's text.</summary>
    public int Start { get; } = start;

    public string Text { get; } = text;

    public int End => Start + Text.Length;

    public override string ToString() => $"{Kind} '{Text}' at {Start}";
}
