namespace MaskBench.Running;

/// <param name="Engine"><c>docker</c> or <c>podman</c> (a CLI on PATH, or a path to one).</param>
/// <param name="Image">The environment's image: tag or id.</param>
/// <param name="Mounts">Host folders mounted at the same path inside, so that paths in arguments mean the same.</param>
/// <param name="Gpus">GPUs to hand to the container; 0 for none.</param>
/// <param name="RunArguments">More <c>run</c> options, e.g. <c>--ipc=host</c> (PyTorch's data loaders need shared memory).</param>
/// <param name="EngineVariables">Variables for the engine CLI itself, e.g. <c>CONTAINERS_CONF</c>.</param>
public sealed record ContainerHostOptions(
    string Engine,
    string Image,
    IReadOnlyList<string> Mounts,
    int Gpus,
    IReadOnlyList<string> RunArguments,
    IReadOnlyDictionary<string, string> EngineVariables
)
{
    public static IReadOnlyList<string> TrainingRunArguments { get; } = ["--ipc=host", "--network=host"];

    /// <summary><c>uid:gid</c> to run as (<c>--user</c>, with <c>HOME=/tmp</c>), so that what a run writes into
    /// mounted folders is not owned by root; null: the image's user. See <see cref="ContainerEngines.InvokingUser"/>.</summary>
    public string? User { get; init; }
}

/// <summary>Runs in a fresh container of the environment's image through the docker or podman CLI.</summary>
public sealed class ContainerHost(ContainerHostOptions options) : IExecutionHost
{
    public string Description => $"{options.Engine} {options.Image}";

    public HostedProcess Prepare(ProcessSpec spec, string name)
    {
        if (spec.Command.Count == 0)
            throw new RunnerException("the command is empty: a recipe's command is a list of arguments");
        var containerName = ContainerNames.Safe(name);
        var arguments = new List<string>
        {
            "run",
            "--rm",
            "--init",
            "--name",
            containerName,
            "--label",
            "maskbench=run",
            "-w",
            spec.WorkingDirectory,
        };
        if (options.User is { } user)
        {
            arguments.AddRange(["--user", user]);
            if (!spec.Variables.ContainsKey("HOME"))
                arguments.AddRange(["-e", "HOME=/tmp"]); // the image's HOME belongs to root
        }
        arguments.AddRange(GpuArguments());
        foreach (var mount in options.Mounts.Distinct())
            arguments.AddRange(["-v", $"{mount}:{mount}"]);
        foreach (var (key, value) in spec.Variables)
            arguments.AddRange(["-e", $"{key}={value}"]);
        arguments.AddRange(options.RunArguments);
        arguments.Add(options.Image);
        arguments.AddRange(spec.Command);
        var variables = options.EngineVariables.ToDictionary(v => v.Key, string? (v) => v.Value);
        return new HostedProcess(
            "setsid",
            [options.Engine, .. arguments],
            Directory.GetCurrentDirectory(),
            variables,
            new ContainerStopper(options.Engine, containerName, variables)
        );
    }

    IEnumerable<string> GpuArguments()
    {
        if (options.Gpus <= 0)
            return [];
        if (ContainerEngines.IsPodman(options.Engine))
            return Enumerable.Range(0, options.Gpus).SelectMany(i => new[] { "--device", $"nvidia.com/gpu={i}" });
        return ["--gpus", $"\"device={string.Join(',', Enumerable.Range(0, options.Gpus))}\""];
    }
}

static class ContainerEngines
{
    /// <summary>Podman (rootless or not, CDI for GPUs) rather than docker: a CLI named podman, or a path to one.</summary>
    public static bool IsPodman(string engine) => Path.GetFileName(engine).StartsWith("podman", StringComparison.Ordinal);

    /// <summary>The user running MaskBench as <c>uid:gid</c>, for rootful docker, whose containers run as root and
    /// would leave root-owned outputs; null for podman (rootless maps root to the user) and when that user is root.</summary>
    public static string? InvokingUser(string engine)
    {
        if (IsPodman(engine) || !OperatingSystem.IsLinux())
            return null;
        var ids = File.ReadLines("/proc/self/status")
            .Where(l => l.StartsWith("Uid:", StringComparison.Ordinal) || l.StartsWith("Gid:", StringComparison.Ordinal))
            .Select(l => l.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[1])
            .ToList();
        return ids is [var uid, var gid] && uid != "0" ? $"{uid}:{gid}" : null;
    }
}

static class ContainerNames
{
    public static string Safe(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-').ToArray());
        return char.IsAsciiLetterOrDigit(safe.FirstOrDefault()) ? safe : "mb-" + safe;
    }
}
