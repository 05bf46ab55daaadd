using System.Reflection;
using MaskBench.Foundation.Text;

namespace MaskBench.Engine;

/// <summary>One <c>[Parameter]</c> member of a build class.</summary>
internal sealed record BuildParameter(string Name, string Description, Type Type, MemberInfo Member)
{
    public string Option => Naming.KebabCase(Name);

    /// <summary>The smallest value accepted; negative infinity when there is no bound.</summary>
    public double Minimum { get; init; } = double.NegativeInfinity;

    /// <summary>Whether the value is a path that must be a folder.</summary>
    public bool Folder { get; init; }

    /// <summary>An example item when every item must be <c>key=value</c>; null otherwise.</summary>
    public string? KeyValue { get; init; }

    /// <summary>Fields and properties only: listing every member (the methods, the lambdas' closures) would cost
    /// start-up time for nothing.</summary>
    public static IReadOnlyList<BuildParameter> Of(Type buildType) =>
        buildType
            .GetFields(Members)
            .Cast<MemberInfo>()
            .Concat(buildType.GetProperties(Members))
            .Where(m => m.IsDefined(typeof(ParameterAttribute), inherit: false))
            .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new BuildParameter(x.Attribute!.Name ?? x.Member.Name, x.Attribute.Description, TypeOf(x.Member), x.Member)
            {
                Minimum = x.Attribute.Minimum,
                Folder = x.Attribute.Folder,
                KeyValue = x.Attribute.KeyValue,
            })
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    public object? Get(object build) => Member is FieldInfo f ? f.GetValue(build) : ((PropertyInfo)Member).GetValue(build);

    public void Set(object build, object? value)
    {
        if (Member is FieldInfo field)
            field.SetValue(build, value);
        else
            ((PropertyInfo)Member).SetValue(build, value);
    }

    const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy;

    static Type TypeOf(MemberInfo member) => member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
}
