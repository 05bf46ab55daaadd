using Newtonsoft.Json.Linq;

namespace MaskBench.Tools.Telemetry;

/// <summary>
/// The GPUs' settings that move throughput, for <c>manifest.json</c>: one object per GPU (name, UUID, PCI bus, driver,
/// VBIOS, persistence and compute mode, power limits, application and max clocks, ECC, MIG, PCIe generation and width)
/// and the <c>nvidia-smi topo -m</c> text. Fields the driver does not know are left out and listed under
/// <c>unsupported</c>; values it reports as "[N/A]" are null.
/// </summary>
internal static class GpuStaticState
{
    public static readonly IReadOnlyList<string> Fields =
    [
        "index",
        "name",
        "uuid",
        "pci.bus_id",
        "driver_version",
        "vbios_version",
        "persistence_mode",
        "compute_mode",
        "power.limit",
        "enforced.power.limit",
        "power.default_limit",
        "clocks.applications.graphics",
        "clocks.max.sm",
        "clocks.max.memory",
        "ecc.mode.current",
        "mig.mode.current",
        "pcie.link.gen.current",
        "pcie.link.gen.max",
        "pcie.link.width.current",
        "pcie.link.width.max",
    ];

    /// <summary>Null when nvidia-smi cannot run (no NVIDIA GPU).</summary>
    public static async Task<JObject?> ReadAsync(string nvidiaSmi = Smi.Program, CancellationToken cancellation = default)
    {
        var columns = new List<(string Field, string[] Values)>();
        var unsupported = new JArray();
        var all = await QueryAsync(nvidiaSmi, Fields, cancellation);
        if (all is null && await Smi.RunAsync(nvidiaSmi, ["--query-gpu=index", "--format=csv,noheader"], cancellation) is not { Ok: true })
            return null;
        if (all is not null)
            columns.AddRange(Fields.Select((field, i) => (field, all.Select(row => row.ElementAtOrDefault(i) ?? "").ToArray())));
        else
            foreach (var field in Fields)
                if (await QueryAsync(nvidiaSmi, [field], cancellation) is { } one)
                    columns.Add((field, one.Select(row => row[0]).ToArray()));
                else
                    unsupported.Add(field);
        var count = columns.Count == 0 ? 0 : columns.Max(c => c.Values.Length);
        var gpus = new JArray();
        for (var gpu = 0; gpu < count; gpu++)
            gpus.Add(
                new JObject(
                    columns.Select(c => new JProperty(
                        c.Field,
                        c.Values.ElementAtOrDefault(gpu) is { } v && !SmiValue.Missing(v) ? v : null
                    ))
                )
            );
        var topology = await Smi.RunAsync(nvidiaSmi, ["topo", "-m"], cancellation);
        return new JObject
        {
            ["gpus"] = gpus,
            ["topology"] = topology is { Ok: true } ? topology.StandardOutput.TrimEnd() : null,
            ["unsupported"] = unsupported,
        };
    }

    static async Task<List<string[]>?> QueryAsync(string nvidiaSmi, IReadOnlyList<string> fields, CancellationToken cancellation)
    {
        var result = await Smi.RunAsync(nvidiaSmi, [$"--query-gpu={string.Join(',', fields)}", "--format=csv,noheader"], cancellation);
        return result is { Ok: true } ? Smi.Rows(result).Select(SmiValue.Split).ToList() : null;
    }
}
