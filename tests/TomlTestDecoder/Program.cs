using System.Text.Json;
using CloudLink.Core.Toml;
using TomlTestDecoder;

using var input = new MemoryStream();
Console.OpenStandardInput().CopyTo(input);
TomlDocument document;
try
{
    document = TomlDocument.Parse(input.ToArray());
}
catch (TomlException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}

using var output = Console.OpenStandardOutput();
using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
{
    TaggedJson.Write(writer, document.Root);
}

output.WriteByte((byte)'\n');
return 0;
