namespace MaskBench.Tools.Telemetry;

/// <summary>Which clock-reason field names the driver's <c>nvidia-smi</c> accepts: <c>clocks_event_reasons.*</c>
/// (R535 and later) or the older <c>clocks_throttle_reasons.*</c>, or neither.</summary>
/// <param name="Reasons">The prefix to query, or null when the driver reports no reasons.</param>
/// <param name="Problem">Why nvidia-smi cannot be used at all; null when it can.</param>
sealed record SmiFields(string? Reasons, string? Problem)
{
    public const string New = "clocks_event_reasons";
    public const string Old = "clocks_throttle_reasons";

    /// <summary>The sampled fields, in the order <see cref="GpuSample.Parse"/> reads them.</summary>
    public string Sampling =>
        "index,uuid,timestamp,clocks.sm,clocks.max.sm,power.draw,power.limit,temperature.gpu,utilization.gpu"
        + (Reasons is null ? "" : $",{Reasons}.active");

    /// <summary>Asks <c>--help-query-gpu</c> which names it lists; when that does not tell, tries a query with each.</summary>
    public static async Task<SmiFields> ProbeAsync(string nvidiaSmi, CancellationToken cancellation = default)
    {
        var help = await Smi.RunAsync(nvidiaSmi, ["--help-query-gpu"], cancellation);
        if (!help.Started)
            return new SmiFields(null, $"{nvidiaSmi} is not installed or cannot start: no GPU telemetry");
        if (help.Ok && help.StandardOutput.Contains($"\"{New}.active\"", StringComparison.Ordinal))
            return new SmiFields(New, null);
        if (help.Ok && help.StandardOutput.Contains($"\"{Old}.active\"", StringComparison.Ordinal))
            return new SmiFields(Old, null);
        foreach (var name in new[] { New, Old })
            if (await Smi.RunAsync(nvidiaSmi, [$"--query-gpu={name}.active", "--format=csv,noheader"], cancellation) is { Ok: true })
                return new SmiFields(name, null);
        var plain = await Smi.RunAsync(nvidiaSmi, ["--query-gpu=index", "--format=csv,noheader"], cancellation);
        return plain is { Ok: true }
            ? new SmiFields(null, null)
            : new SmiFields(null, $"{nvidiaSmi} fails: {Smi.LastLine(plain.Started ? plain : help)}");
    }
}
