namespace MaskBench.Engine;

/// <summary>A build parameter, as in NUKE: <c>[Parameter("Number of GPUs. Default: 8")] readonly int Gpus = 8;</c>
/// Its value comes from <c>--gpus</c>, then <c>.nuke/parameters*.json</c>, then the environment variable
/// <c>GPUS</c> or <c>NUKE_GPUS</c>, then the field's initial value.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
public sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;
}
