using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CloudLink.Tests.PowerShell;

/// <summary>
/// Writes module/en-US/CloudLink.PowerShell.dll-Help.xml (MAML, what Get-Help reads for a binary
/// module) from the compiled cmdlets and their XML doc comments, so help has one source.
/// </summary>
public static class MamlHelp
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public static string Generate(CompiledModule module, CmdletDocs docs)
    {
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            module.Cmdlets.Select(cmdlet => CommandElement(cmdlet, docs)));
        var settings = new XmlWriterSettings { Indent = true, IndentChars = "  ", Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var text = new StringWriter();
        using (var writer = XmlWriter.Create(text, settings))
        {
            new XDocument(new XComment(" Generated from the cmdlets' XML doc comments by tests/CloudLink.Tests/PowerShell/MamlHelp.cs; do not edit. "), root).Save(writer);
        }

        return text.ToString().Replace("utf-16", "utf-8", StringComparison.Ordinal) + "\n";
    }

    private static XElement CommandElement(CmdletClass cmdlet, CmdletDocs docs) =>
        new(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", cmdlet.Name),
                Paras(Maml + "description", [docs.Synopsis(cmdlet.Type)]),
                new XElement(Command + "verb", cmdlet.Verb),
                new XElement(Command + "noun", cmdlet.Noun)),
            Paras(Maml + "description", docs.Description(cmdlet.Type)),
            new XElement(Command + "syntax",
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", cmdlet.Name),
                    cmdlet.Parameters.Select(p => ParameterElement(p, description: null)))),
            new XElement(Command + "parameters", cmdlet.Parameters.Select(p => ParameterElement(p, docs.Parameter(p.Property)))),
            new XElement(Command + "returnValues", cmdlet.OutputTypes.Select(t =>
                new XElement(Command + "returnValue", new XElement(Dev + "type", new XElement(Maml + "name", t.FullName))))),
            new XElement(Command + "examples", docs.Examples(cmdlet.Type).Select((example, i) =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", $"-------------------------- Example {i + 1} --------------------------"),
                    new XElement(Dev + "code", example.Code),
                    new XElement(Dev + "remarks", new XElement(Maml + "para", example.Remarks))))));

    private static XElement ParameterElement(CmdletParameter parameter, string? description)
    {
        var isSwitch = parameter.ValueType.Name == "SwitchParameter";
        var element = new XElement(Command + "parameter",
            new XAttribute("required", parameter.Mandatory ? "true" : "false"),
            new XAttribute("globbing", parameter.Wildcards ? "true" : "false"),
            new XAttribute("pipelineInput", Pipeline(parameter)),
            new XAttribute("position", parameter.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name));
        if (description is not null)
        {
            element.Add(Paras(Maml + "description", [description]));
        }

        if (!isSwitch)
        {
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), parameter.ValueType.Name));
        }

        if (description is not null)
        {
            element.Add(new XElement(Dev + "type", new XElement(Maml + "name", parameter.ValueType.FullName)));
        }

        return element;
    }

    private static string Pipeline(CmdletParameter parameter) => (parameter.FromPipeline, parameter.FromPipelineByName) switch
    {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };

    private static XElement Paras(XName name, IEnumerable<string> paragraphs) =>
        new(name, paragraphs.Select(p => new XElement(Maml + "para", p)));
}
