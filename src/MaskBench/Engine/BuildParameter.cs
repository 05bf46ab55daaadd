using System.Reflection;
using MaskBench.Foundation.Text;

namespace MaskBench.Engine;

/// <summary>One <c>[Parameter]</c> member of a build class, or of one of its parameter groups
/// (<see cref="ParameterGroupAttribute"/>): then <see cref="Group"/> is the build's member holding the group.</summary>
internal sealed record BuildParameter(string Name, string Description, Type Type, MemberInfo Member)
{
    public MemberInfo? Group { get; init; }

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
        Declared(buildType, prefix: "", group: null)
            .Concat(
                MembersOf(buildType)
                    .Select(m => (Member: m, Group: m.GetCustomAttribute<ParameterGroupAttribute>()))
                    .Where(x => x.Group is not null)
                    .SelectMany(x => Declared(GroupType(x.Member), x.Group!.Prefix, x.Member))
            )
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    public object? Get(object build) => Read(Member, Owner(build));

    public void Set(object build, object? value)
    {
        if (Member is FieldInfo field)
            field.SetValue(Owner(build), value);
        else
            ((PropertyInfo)Member).SetValue(Owner(build), value);
    }

    object Owner(object build) =>
        Group is null ? build : Read(Group, build) ?? throw new InvalidOperationException($"The parameter group {Group.Name} is null");

    static IEnumerable<BuildParameter> Declared(Type type, string prefix, MemberInfo? group) =>
        MembersOf(type)
            .Select(m => (Member: m, Attribute: m.GetCustomAttribute<ParameterAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => new BuildParameter(
                prefix + (x.Attribute!.Name ?? x.Member.Name),
                x.Attribute.Description,
                TypeOf(x.Member),
                x.Member
            )
            {
                Group = group,
                Minimum = x.Attribute.Minimum,
                Folder = x.Attribute.Folder,
                KeyValue = x.Attribute.KeyValue,
            });

    static IEnumerable<MemberInfo> MembersOf(Type type) => type.GetFields(Members).Cast<MemberInfo>().Concat(type.GetProperties(Members));

    /// <summary>A group is a class, so that setting its members sets the build's group and not a copy.</summary>
    static Type GroupType(MemberInfo member) =>
        TypeOf(member) is { IsClass: true } type
            ? type
            : throw new InvalidOperationException($"The parameter group {member.Name} must be a class, not {TypeOf(member).Name}");

    static object? Read(MemberInfo member, object owner) =>
        member is FieldInfo f ? f.GetValue(owner) : ((PropertyInfo)member).GetValue(owner);

    const BindingFlags Members = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.FlattenHierarchy;

    static Type TypeOf(MemberInfo member) => member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;
}
