namespace MaskBench.Engine;

/// <summary>A build parameter, as in NUKE: <c>[Parameter("Number of GPUs. Default: 8")] readonly int Gpus = 8;</c>
/// Its value comes from <c>--gpus</c>, then <c>.nuke/parameters*.json</c>, then the environment variable
/// <c>GPUS</c> or <c>NUKE_GPUS</c>, then the field's initial value.</summary>
[AttributeUsage(AttributeTargets.Field | AttributeTargets.Property)]
internal sealed class ParameterAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The smallest value a number parameter accepts, checked when it is read
    /// (<c>Minimum = 1</c> for a count that must be positive). Unset: any value.</summary>
    public double Minimum { get; set; } = double.NegativeInfinity;

    /// <summary>A path parameter that must name a folder (or nothing yet): naming an existing file is refused.</summary>
    public bool Folder { get; set; }

    /// <summary>A list parameter of <c>key=value</c> items, with an example for the message (<c>KeyValue = "batch=8"</c>):
    /// an item that is not one is refused when it is read, naming where it came from.</summary>
    public string? KeyValue { get; set; }

    /// <summary>The parameter's name when it is not the member's, as in NUKE (<c>Name = "Wheelhouse"</c> beside a
    /// target of that name): <c>--wheelhouse</c>, <c>WHEELHOUSE</c>.</summary>
    public string? Name { get; set; }
}
