using MaskBench.Model.Catalog;
using MaskBench.Tools.Containers;
using MaskBench.Tools.Telemetry;

namespace MaskBench.Stages.Train;

/// <summary>An implementation the run will train, on the stack it was given (<c>--stacks</c>).</summary>
internal sealed record StackDemand(string Implementation, SelectedStack Stack);

/// <param name="What">What the space is for, for the message: "the container images", "the training output".</param>
internal sealed record DiskNeed(string Path, long Bytes, string What);

/// <param name="Gpus">GPUs the trainings need (0: no GPU check).</param>
/// <param name="ContainerEngine"><c>docker</c> or <c>podman</c>; null when no container runs (venv).</param>
/// <param name="NvidiaSmi">The driver's query tool.</param>
/// <param name="CdiFolders">Where podman looks for the NVIDIA CDI spec.</param>
internal sealed record PreflightRequest(int Gpus, string? ContainerEngine, IReadOnlyList<DiskNeed> Disk)
{
    public string NvidiaSmi { get; init; } = "nvidia-smi";
    public IReadOnlyList<string> CdiFolders { get; init; } = ["/etc/cdi", "/var/run/cdi"];
    public IReadOnlyDictionary<string, string?> EngineVariables { get; init; } = new Dictionary<string, string?>();

    /// <summary>The stacks to set up or train on: each is checked against the compute capabilities of this machine's
    /// GPUs (also for Setup alone: an image the GPUs cannot run is not worth hours of building). No GPU, no check.</summary>
    public IReadOnlyList<StackDemand> Stacks { get; init; } = [];
}

/// <summary>Checks what a GPU training needs before anything long starts: GPUs, the container engine and
/// its GPU runtime, free disk. One message per problem; none means go.</summary>
internal static class Preflight
{
    public static async Task<IReadOnlyList<string>> CheckAsync(PreflightRequest request, CancellationToken cancellation = default)
    {
        var problems = new List<string>();
        if (request.Gpus > 0)
        {
            var gpus = await MachineFacts.GpusAsync(request.NvidiaSmi, cancellation);
            if (gpus is null)
                problems.Add(
                    $"no NVIDIA driver answers ({request.NvidiaSmi} is missing or fails): training needs {request.Gpus} GPUs; install the driver, or pass --gpus 0 to train on the CPU"
                );
            else if (gpus.Count < request.Gpus)
                problems.Add(
                    $"{request.Gpus} GPUs are needed (--gpus {request.Gpus}) but this machine has {gpus.Count}{(gpus.Count > 0 ? $" ({string.Join(", ", gpus.Models.Distinct())})" : "")}: pass --gpus {Math.Max(1, gpus.Count)} or use a bigger machine"
                );
        }
        if (request.Stacks.Count > 0 && await MachineFacts.CapabilitiesAsync(request.NvidiaSmi, cancellation) is { } capabilities)
            problems.AddRange(StackProblems(capabilities, request.Stacks));
        if (request.ContainerEngine is { } engine)
            problems.AddRange(await EngineProblemsAsync(engine, request, cancellation));
        foreach (var need in request.Disk)
        {
            var free = FreeBytes(need.Path);
            if (free < need.Bytes)
                problems.Add(
                    $"only {Gib(free)} free at {need.Path} for {need.What}; about {Gib(need.Bytes)} are needed: free some space or point it elsewhere"
                );
        }
        return problems;
    }

    /// <summary>One line per stack name whose implementations cannot run on one of these GPUs (CUDA 10 and cuDNN 7
    /// have no Ampere or Hopper code), naming the GPU, its compute capability and the parameter that selects a stack
    /// for it. A GPU whose capability the driver does not report is not judged.</summary>
    public static IReadOnlyList<string> StackProblems(IReadOnlyList<GpuCapability> gpus, IReadOnlyList<StackDemand> demands)
    {
        var problems = new List<string>();
        foreach (var group in demands.Where(d => d.Stack.Available).GroupBy(d => d.Stack.Name))
        {
            var refused = gpus.Where(g => g.ComputeCapability is not null)
                .Select(g => (Gpu: g, Implementations: group.Where(d => !d.Stack.Supports(g.ComputeCapability!)).ToList()))
                .FirstOrDefault(r => r.Implementations.Count > 0);
            if (refused.Implementations is not { Count: > 0 } implementations)
                continue;
            var other = StackSelection.Names.First(n => n != group.Key);
            var supported = implementations.SelectMany(d => d.Stack.Architectures).Distinct().Order(StringComparer.Ordinal);
            problems.Add(
                $"the {group.Key} stack of {string.Join(", ", implementations.Select(d => d.Implementation))} cannot run on {refused.Gpu.Name} (compute capability {refused.Gpu.ComputeCapability}, {StackSelection.Architecture(refused.Gpu.ComputeCapability!)}; it supports {string.Join(", ", supported)}): pass --stacks {other} for this GPU, or run on a GPU it supports"
            );
        }
        return problems;
    }

    /// <summary>What refuses a GPU measurement on a built environment: a stand-in it carries, or a GPU whose architecture
    /// its compiled extensions lack (<paramref name="architectures"/> null: not read, not judged).</summary>
    public static IReadOnlyList<string> BuiltProblems(
        string environment,
        IReadOnlyList<string>? architectures,
        IReadOnlyList<string> standIns,
        IReadOnlyList<GpuCapability> gpus
    )
    {
        var problems = new List<string>();
        foreach (var standIn in standIns)
            problems.Add(
                $"{environment} carries a stand-in ({standIn}): it is for verification only, no GPU measurement runs on it; build the stack with the real library, or train with --gpus 0"
            );
        if (architectures is { Count: > 0 })
            foreach (var gpu in gpus.Where(g => g.ComputeCapability is not null).DistinctBy(g => g.ComputeCapability))
                if (!architectures.Contains(StackSelection.Architecture(gpu.ComputeCapability!), StringComparer.Ordinal))
                    problems.Add(
                        $"{environment}'s compiled extensions hold {string.Join(", ", architectures)}, not {StackSelection.Architecture(gpu.ComputeCapability!)} for {gpu.Name}: add {gpu.ComputeCapability} to TORCH_CUDA_ARCH_LIST (--stack torch_cuda_arch_list=…) and run Setup again"
                    );
        return problems;
    }

    static async Task<IReadOnlyList<string>> EngineProblemsAsync(string engine, PreflightRequest request, CancellationToken cancellation)
    {
        var version = await ProcessRunner.RunAsync(
            ProcessSpec.Of([engine, "--version"], request.EngineVariables),
            new ProcessOptions(),
            cancellation
        );
        if (!version.Started)
            return [$"the container engine '{engine}' is not installed: install it, pass --provider podman|docker, or use --provider venv"];
        var info = await ProcessRunner.RunAsync(
            ProcessSpec.Of([engine, "info", "--format", "{{json .}}"], request.EngineVariables),
            new ProcessOptions { Timeout = TimeSpan.FromSeconds(30) },
            cancellation
        );
        if (!info.Ok)
            return
            [
                $"'{engine} info' fails ({string.Join(" | ", info.LastOutputLines(2))}): start the engine's daemon, or use --provider podman",
            ];
        if (request.Gpus <= 0)
            return [];
        var isPodman = ContainerEngines.IsPodman(engine);
        if (isPodman && !HasCdiSpec(request.CdiFolders))
            return
            [
                $"podman has no NVIDIA CDI spec in {string.Join(" or ", request.CdiFolders)}: install nvidia-container-toolkit and run 'nvidia-ctk cdi generate --output=/etc/cdi/nvidia.yaml'",
            ];
        if (!isPodman && !info.StandardOutput.Contains("nvidia", StringComparison.OrdinalIgnoreCase) && !HasCdiSpec(request.CdiFolders))
            return
            [
                $"docker has no NVIDIA runtime: install nvidia-container-toolkit and run 'nvidia-ctk runtime configure --runtime=docker', then restart docker",
            ];
        return [];
    }

    static bool HasCdiSpec(IEnumerable<string> folders) =>
        folders
            .Where(Directory.Exists)
            .SelectMany(EnumerateOrNone)
            .Any(f => (f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)) && IsNvidiaSpec(f));

    /// <summary>A folder or file that cannot be read holds no spec that the engine could use either.</summary>
    static IEnumerable<string> EnumerateOrNone(string folder)
    {
        try
        {
            return Directory.EnumerateFiles(folder).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    static bool IsNvidiaSpec(string file)
    {
        try
        {
            return File.ReadAllText(file).Contains("nvidia.com/gpu", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    static long FreeBytes(string path)
    {
        var existing = new DirectoryInfo(Path.GetFullPath(path));
        while (existing is not null && !existing.Exists)
            existing = existing.Parent;
        return new DriveInfo(existing?.FullName ?? "/").AvailableFreeSpace;
    }

    static string Gib(long bytes) => $"{bytes / (1024.0 * 1024 * 1024):0.#} GiB";

    /// <summary>The checks of <see cref="CheckAsync"/>, then, for a training on GPUs, that the GPUs it will see
    /// (<c>CUDA_VISIBLE_DEVICES</c>) are idle, naming the process that holds one: where the training runs, this host or
    /// the node of its job.</summary>
    internal static async Task<IReadOnlyList<string>> TrainingProblemsAsync(PreflightRequest request, CancellationToken cancellation)
    {
        var problems = (await CheckAsync(request, cancellation)).ToList();
        if (
            request.Gpus > 0
            && await MaskBench.Tools.Telemetry.IdleCheck.RunAsync(
                Environment.GetEnvironmentVariable("CUDA_VISIBLE_DEVICES"),
                request.NvidiaSmi,
                cancellation: cancellation
            )
                is { Idle: false, Problem: { } busy }
        )
            problems.Add(busy);
        return problems;
    }
}
