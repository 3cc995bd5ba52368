using System.Reflection;
using System.Xml.Linq;

namespace CloudLink.Tests.PowerShell;

/// <summary>
/// The help written in the cmdlets' XML doc comments (XmlDoc2CmdletDoc style): &lt;para type="synopsis"&gt;,
/// &lt;para type="description"&gt; and &lt;example&gt; with &lt;code&gt; and &lt;para&gt;.
/// </summary>
public sealed class CmdletDocs(string xmlDocFile)
{
    private readonly Dictionary<string, XElement> _members = XDocument.Load(xmlDocFile).Root!.Element("members")!.Elements("member")
        .ToDictionary(m => (string)m.Attribute("name")!, StringComparer.Ordinal);

    public string Synopsis(Type type) => Paras(Member("T:" + type.FullName), "synopsis").FirstOrDefault() ?? "";

    public IReadOnlyList<string> Description(Type type) => Paras(Member("T:" + type.FullName), "description");

    public IReadOnlyList<(string Code, string Remarks)> Examples(Type type) =>
        Member("T:" + type.FullName)?.Elements("example")
            .Select(e => (Clean(e.Element("code")?.Value ?? ""), string.Join(" ", e.Elements("para").Select(p => Clean(p.Value)))))
            .ToList() ?? [];

    public string Parameter(PropertyInfo property) =>
        string.Join(" ", Paras(Member($"P:{property.DeclaringType!.FullName}.{property.Name}"), "description"));

    private XElement? Member(string id) => _members.GetValueOrDefault(id);

    private static List<string> Paras(XElement? member, string type) =>
        member?.Descendants("para").Where(p => (string?)p.Attribute("type") == type).Select(p => Clean(p.Value)).ToList() ?? [];

    private static string Clean(string text) => string.Join(" ", text.Split((char[])['\n', '\r', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
}
