using Newtonsoft.Json.Linq;

namespace MaskBench.Tools.Telemetry;

/// <summary>The GPUs of this machine as the NVIDIA driver reports them.</summary>
internal sealed record GpuFacts(IReadOnlyList<string> Models, string? Driver, string? Cuda)
{
    public int Count => Models.Count;
}

/// <summary>One GPU as the driver names it, with its compute capability (<c>9.0</c>); null when the driver is too
/// old to report it (the <c>compute_cap</c> field came with driver 510).</summary>
internal sealed record GpuCapability(string Name, string? ComputeCapability);

/// <summary>Reads the GPUs (nvidia-smi) and, inside an environment, the framework versions.</summary>
internal static class MachineFacts
{
    static readonly string[] CapabilityQuery = ["--query-gpu=name,compute_cap", "--format=csv,noheader"];

    /// <summary>Each GPU's name and compute capability, from <c>nvidia-smi --query-gpu=name,compute_cap</c>; null
    /// when no driver answers.</summary>
    public static async Task<IReadOnlyList<GpuCapability>?> CapabilitiesAsync(string nvidiaSmi, CancellationToken cancellation = default)
    {
        var result = await Smi.RunAsync(nvidiaSmi, CapabilityQuery, cancellation);
        return !result.Started ? null : await CapabilitiesOrOlderDriverAsync(result, () => GpusAsync(nvidiaSmi, cancellation));
    }

    /// <summary>The same through an execution host (a Slurm node, a container): the GPUs the training will get.</summary>
    public static async Task<IReadOnlyList<GpuCapability>?> CapabilitiesAsync(IExecutionHost host, CancellationToken cancellation = default)
    {
        var spec = new ProcessSpec(["nvidia-smi", .. CapabilityQuery], ".", new Dictionary<string, string>());
        var result = await ProcessRunner.RunAsync(
            host,
            spec,
            new ProcessOptions { Timeout = TimeSpan.FromMinutes(2), Name = $"maskbench-gpus-{Guid.NewGuid():N}" },
            cancellation
        );
        return !result.Started ? null : await CapabilitiesOrOlderDriverAsync(result, () => Task.FromResult<GpuFacts?>(null));
    }

    static async Task<IReadOnlyList<GpuCapability>?> CapabilitiesOrOlderDriverAsync(ProcessResult result, Func<Task<GpuFacts?>> names)
    {
        if (result.Ok)
            return Smi.GpuRows(
                    result.StandardOutput,
                    "name, compute_cap",
                    cells => cells.Length == 2 && Smi.IsName(cells[0]) && Smi.IsVersionOrMissing(cells[1])
                )
                .Select(cells => new GpuCapability(cells[0], Capability(cells[1])))
                .ToList();
        var older = await names();
        return older?.Models.Select(m => new GpuCapability(m, null)).ToList();
    }

    static string? Capability(string? cell) =>
        cell?.Trim() is { Length: > 0 } text && char.IsAsciiDigit(text[0]) && text.Contains('.', StringComparison.Ordinal) ? text : null;

    public static Task<GpuFacts?> GpusAsync(CancellationToken cancellation = default) => GpusAsync("nvidia-smi", cancellation);

    /// <summary>The arguments of the query <see cref="GpuList"/> reads.</summary>
    public static readonly IReadOnlyList<string> GpuListQuery = ["--query-gpu=name,driver_version", "--format=csv,noheader"];

    public static async Task<GpuFacts?> GpusAsync(string nvidiaSmi, CancellationToken cancellation = default)
    {
        var list = await Smi.RunAsync(nvidiaSmi, GpuListQuery, cancellation);
        if (!list.Ok)
            return null;
        var gpus = GpuList(list.StandardOutput);
        var header = await Smi.RunAsync(nvidiaSmi, [], cancellation);
        var cuda =
            header.StandardOutput is { } text && text.IndexOf("CUDA Version:", StringComparison.Ordinal) is var at and >= 0
                ? text[(at + 13)..].Trim().Split(' ', '|')[0]
                : null;
        return gpus with { Cuda = cuda };
    }

    /// <summary>The GPUs in the answer to <c>nvidia-smi --query-gpu=name,driver_version --format=csv,noheader</c>, one row
    /// each (no CUDA version: the query does not give it); an answer that is not such rows fails in one line.</summary>
    public static GpuFacts GpuList(string csv)
    {
        var rows = Smi.GpuRows(
            csv,
            "name, driver_version",
            cells => cells.Length == 2 && Smi.IsName(cells[0]) && Smi.IsVersionOrMissing(cells[1])
        );
        return new GpuFacts([.. rows.Select(r => r[0])], rows.Select(r => r[1]).FirstOrDefault(), null);
    }

    /// <summary>Python, CUDA, cuDNN and framework versions, read by <c>python</c> inside the environment.
    /// A module that is not installed is left out; when Python itself cannot run, the reason is kept.</summary>
    public static async Task<JObject> VersionsAsync(IExecutionHost host, string workingDirectory, CancellationToken cancellation = default)
    {
        var spec = new ProcessSpec(["python", "-c", VersionProbe], workingDirectory, new Dictionary<string, string>());
        var result = await ProcessRunner.RunAsync(
            host,
            spec,
            new ProcessOptions { Timeout = TimeSpan.FromMinutes(2), Name = $"maskbench-probe-{Guid.NewGuid():N}" },
            cancellation
        );
        if (!result.Ok)
            return new JObject
            {
                ["unavailable"] = !result.Started ? "cannot start the host" : string.Join(" | ", result.LastOutputLines(3)),
            };
        var last = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault();
        try
        {
            if (last is not null && JToken.Parse(last) is JObject versions)
                return versions;
        }
        catch (Newtonsoft.Json.JsonException) { }
        return new JObject { ["unavailable"] = "the version probe printed no JSON" };
    }

    const string VersionProbe = """
        import importlib, json, platform, sys
        found = {"python": platform.python_version()}
        for name in ["torch", "torchvision", "tensorflow", "keras", "mxnet", "mmcv", "mmdet", "detectron2", "maskrcnn_benchmark", "tensorpack", "horovod", "caffe2", "apex", "numpy", "cv2", "pycocotools"]:
            try:
                module = importlib.import_module(name)
                found[name] = str(getattr(module, "__version__", "installed"))
            except Exception:
                pass
        try:
            import torch
            found["torch.cuda"] = torch.version.cuda
            found["cudnn"] = str(torch.backends.cudnn.version())
        except Exception:
            pass
        try:
            import tensorflow as tf
            info = tf.sysconfig.get_build_info() if hasattr(tf.sysconfig, "get_build_info") else {}
            found.update({"tensorflow." + k: str(v) for k, v in info.items() if "version" in k})
        except Exception:
            pass
        print(json.dumps(found, sort_keys=True))
        """;
}
