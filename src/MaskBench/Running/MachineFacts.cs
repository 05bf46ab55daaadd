using Newtonsoft.Json.Linq;

namespace MaskBench.Running;

/// <summary>The GPUs of this machine as the NVIDIA driver reports them.</summary>
public sealed record GpuFacts(IReadOnlyList<string> Models, string? Driver, string? Cuda)
{
    public int Count => Models.Count;
}

/// <summary>Reads the GPUs (nvidia-smi) and, inside an environment, the framework versions.</summary>
public static class MachineFacts
{
    public static Task<GpuFacts?> GpusAsync(CancellationToken cancellation = default) => GpusAsync("nvidia-smi", cancellation);

    public static async Task<GpuFacts?> GpusAsync(string nvidiaSmi, CancellationToken cancellation = default)
    {
        var list = await ShortCommand.TryRunAsync(
            nvidiaSmi,
            ["--query-gpu=name,driver_version", "--format=csv,noheader"],
            timeout: TimeSpan.FromSeconds(30),
            cancellation: cancellation
        );
        if (list is not { Ok: true })
            return null;
        var rows = list.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var models = rows.Select(r => r.Split(',')[0].Trim()).ToList();
        var driver = rows.Select(r => r.Split(',').ElementAtOrDefault(1)?.Trim()).FirstOrDefault();
        var header = await ShortCommand.TryRunAsync(nvidiaSmi, [], timeout: TimeSpan.FromSeconds(30), cancellation: cancellation);
        var cuda =
            header?.StandardOutput is { } text && text.IndexOf("CUDA Version:", StringComparison.Ordinal) is var at and >= 0
                ? text[(at + 13)..].Trim().Split(' ', '|')[0]
                : null;
        return new GpuFacts(models, driver, cuda);
    }

    /// <summary>Python, CUDA, cuDNN and framework versions, read by <c>python</c> inside the environment.
    /// A module that is not installed is left out; when Python itself cannot run, the reason is kept.</summary>
    public static async Task<JObject> VersionsAsync(IExecutionHost host, string workingDirectory, CancellationToken cancellation = default)
    {
        var spec = new ProcessSpec(["python", "-c", VersionProbe], workingDirectory, new Dictionary<string, string>());
        var result = await ShortCommand.TryRunAsync(
            host,
            spec,
            $"maskbench-probe-{Guid.NewGuid():N}",
            TimeSpan.FromMinutes(2),
            cancellation
        );
        if (result is not { Ok: true })
            return new JObject { ["unavailable"] = result is null ? "cannot start the host" : string.Join(" | ", result.LastLines(3)) };
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
