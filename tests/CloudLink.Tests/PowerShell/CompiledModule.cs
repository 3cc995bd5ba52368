using System.Reflection;
using System.Runtime.InteropServices;

namespace CloudLink.Tests.PowerShell;

/// <summary>
/// The built CloudLink module read with MetadataLoadContext, as PowerShell would see it, without a
/// PowerShell runtime: its cmdlet classes, their attributes and parameters.
/// </summary>
public sealed class CompiledModule : IDisposable
{
    private readonly MetadataLoadContext _context;

    public CompiledModule()
    {
        Folder = Metadata("ModuleFolder");
        var powerShell = Path.Combine(Metadata("PowerShellStandard"), "lib", "netstandard2.0", "System.Management.Automation.dll");
        var paths = Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll")
            .Concat(Directory.GetFiles(Folder, "*.dll"))
            .Append(powerShell)
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.Last());
        _context = new MetadataLoadContext(new PathAssemblyResolver(paths));
        Assembly = _context.LoadFromAssemblyPath(Path.Combine(Folder, "CloudLink.PowerShell.dll"));
        PowerShell = _context.LoadFromAssemblyPath(powerShell);
        Cmdlets = Assembly.GetTypes()
            .Where(t => !t.IsAbstract && t.CustomAttributes.Any(a => a.AttributeType.FullName == "System.Management.Automation.CmdletAttribute"))
            .Select(t => new CmdletClass(t))
            .OrderBy(c => c.Name, StringComparer.Ordinal)
            .ToList();
    }

    public string Folder { get; }

    public Assembly Assembly { get; }

    public Assembly PowerShell { get; }

    public IReadOnlyList<CmdletClass> Cmdlets { get; }

    /// <summary>PowerShell's approved verbs: the constants of the Verbs* classes.</summary>
    public IReadOnlySet<string> ApprovedVerbs => PowerShell.GetTypes()
        .Where(t => t.Namespace == "System.Management.Automation" && t.Name.StartsWith("Verbs", StringComparison.Ordinal))
        .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToHashSet(StringComparer.Ordinal);

    public void Dispose() => _context.Dispose();

    private static string Metadata(string key) =>
        typeof(CompiledModule).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}

/// <summary>One cmdlet class: its name from [Cmdlet], its [OutputType]s and its parameters.</summary>
public sealed class CmdletClass(Type type)
{
    private readonly CustomAttributeData _cmdlet = type.CustomAttributes.Single(a => a.AttributeType.Name == "CmdletAttribute");

    public Type Type { get; } = type;

    public string Verb => (string)_cmdlet.ConstructorArguments[0].Value!;

    public string Noun => (string)_cmdlet.ConstructorArguments[1].Value!;

    public string Name => $"{Verb}-{Noun}";

    public bool SupportsShouldProcess => _cmdlet.NamedArguments.Any(a => a.MemberName == "SupportsShouldProcess" && (bool)a.TypedValue.Value!);

    public IReadOnlyList<Type> OutputTypes => Type.CustomAttributes.Where(a => a.AttributeType.Name == "OutputTypeAttribute")
        .SelectMany(a => a.ConstructorArguments.SelectMany(arg => arg.Value is IEnumerable<CustomAttributeTypedArgument> many ? many.Select(m => m.Value) : [arg.Value]))
        .OfType<Type>().ToList();

    public IReadOnlyList<CmdletParameter> Parameters => Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.CustomAttributes.Any(a => a.AttributeType.Name == "ParameterAttribute"))
        .Select(p => new CmdletParameter(p))
        .OrderBy(p => p.Position ?? int.MaxValue).ThenBy(p => p.Name, StringComparer.Ordinal)
        .ToList();
}

/// <summary>One parameter property with what its [Parameter] says.</summary>
public sealed class CmdletParameter(PropertyInfo property)
{
    private readonly CustomAttributeData _parameter = property.CustomAttributes.First(a => a.AttributeType.Name == "ParameterAttribute");

    public PropertyInfo Property { get; } = property;

    public string Name => Property.Name;

    public bool Mandatory => Named("Mandatory") is true;

    public int? Position => Named("Position") is int position ? position : null;

    public bool FromPipeline => Named("ValueFromPipeline") is true;

    public bool FromPipelineByName => Named("ValueFromPipelineByPropertyName") is true;

    public bool Wildcards => Property.CustomAttributes.Any(a => a.AttributeType.Name == "SupportsWildcardsAttribute");

    public IReadOnlyList<string> Aliases => Property.CustomAttributes.Where(a => a.AttributeType.Name == "AliasAttribute")
        .SelectMany(a => a.ConstructorArguments.SelectMany(arg => ((IEnumerable<CustomAttributeTypedArgument>)arg.Value!).Select(v => (string)v.Value!)))
        .ToList();

    /// <summary>The parameter's type as help shows it: SwitchParameter, String, Nullable`1 as its inner type.</summary>
    public Type ValueType => Nullable(Property.PropertyType);

    private object? Named(string name) => _parameter.NamedArguments.FirstOrDefault(a => a.MemberName == name).TypedValue.Value;

    private static Type Nullable(Type type) => type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1" ? type.GetGenericArguments()[0] : type;
}
