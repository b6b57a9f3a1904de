using System.Reflection;

namespace NewsStance.Tests;

/// <summary>
/// The public surface of the Predictor is approved text: a change to it shows up here as a diff to
/// review, never by accident. To approve a deliberate change, copy the "received" file over the approved one.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_surface()
    {
        // Given
        var approvedPath = Path.Combine(AppContext.BaseDirectory, "PublicApi.approved.txt");
        var approved = File.ReadAllText(approvedPath).ReplaceLineEndings("\n").Trim();

        // When
        var received = Describe(typeof(NewsScorer).Assembly);

        // Then
        if (received != approved)
            File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "PublicApi.received.txt"), received + "\n");
        Assert.Equal(approved, received);
    }

    internal static string Describe(Assembly assembly)
    {
        var lines = new List<string>();
        foreach (var type in assembly.GetExportedTypes().OrderBy(t => t.FullName, StringComparer.Ordinal))
        {
            string kind = type.IsEnum ? "enum" : type.IsValueType ? "struct" : type.IsInterface ? "interface" : type.IsSealed ? "sealed class" : "class";
            lines.Add($"{kind} {type.FullName}");
            if (type.IsEnum)
            {
                lines.AddRange(Enum.GetNames(type).Select(n => $"  {n}"));
                continue;
            }
            var members = type.GetMembers(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Where(m => m is not MethodInfo { IsSpecialName: true })
                .Where(m => m.Name is not ("<Clone>$" or "EqualityContract" or "Equals" or "GetHashCode" or "ToString" or "Deconstruct" or "PrintMembers"))
                .Select(Member)
                .Order(StringComparer.Ordinal);
            lines.AddRange(members.Select(m => "  " + m));
        }
        return string.Join("\n", lines);
    }

    private static string Member(MemberInfo m) => m switch
    {
        ConstructorInfo c => $"ctor({Parameters(c.GetParameters())})",
        MethodInfo mi => $"{(mi.IsStatic ? "static " : "")}{Name(mi.ReturnType)} {mi.Name}({Parameters(mi.GetParameters())})",
        PropertyInfo p => $"{Name(p.PropertyType)} {p.Name} {{ {(p.GetMethod?.IsPublic == true ? "get; " : "")}{(p.SetMethod?.IsPublic == true ? "set; " : "")}}}",
        FieldInfo f => $"{(f.IsStatic ? "static " : "")}field {Name(f.FieldType)} {f.Name}",
        _ => $"{m.MemberType} {m.Name}",
    };

    private static string Parameters(ParameterInfo[] ps) => string.Join(", ", ps.Select(p => $"{Name(p.ParameterType)} {p.Name}"));

    private static string Name(Type t) => t.IsGenericType
        ? $"{t.Name[..t.Name.IndexOf('`')]}<{string.Join(", ", t.GetGenericArguments().Select(Name))}>"
        : t.Name;
}
