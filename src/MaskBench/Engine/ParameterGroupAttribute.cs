namespace MaskBench.Engine;

/// <summary>A group of build parameters, as NUKE's components are: a field of the build whose type (a class) declares
/// <c>[Parameter]</c> members of its own, each named <see cref="Prefix"/> plus the member's name
/// (<c>[ParameterGroup("Slurm")] readonly SlurmParameters Slurm = new();</c> gives <c>--slurm-partition</c>).
/// The group lives beside the settings it feeds; the build only declares that it has it.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
internal sealed class ParameterGroupAttribute(string prefix = "") : Attribute
{
    public string Prefix { get; } = prefix;
}
