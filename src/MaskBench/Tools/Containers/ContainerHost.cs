namespace MaskBench.Tools.Containers;

/// <summary>Runs in a fresh container of the environment's image through the docker or podman CLI.</summary>
internal sealed class ContainerHost(ContainerHostOptions options) : IExecutionHost
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
        var mark = spec.Variables.GetValueOrDefault(ProcessMark.Variable) ?? ProcessMark.New(name);
        foreach (var (key, value) in spec.Variables.Where(v => v.Key != ProcessMark.Variable))
            arguments.AddRange(["-e", $"{key}={value}"]);
        arguments.AddRange(["-e", $"{ProcessMark.Variable}={mark}"]);
        arguments.AddRange(options.RunArguments);
        arguments.Add(options.Image);
        arguments.AddRange(spec.Command);
        var variables = options.EngineVariables.ToDictionary(v => v.Key, string? (v) => v.Value);
        variables[ProcessMark.Variable] = mark;
        return new HostedProcess(
            "setsid",
            [.. ParentDeath.Prefix, options.Engine, .. arguments],
            Directory.GetCurrentDirectory(),
            variables,
            new ContainerStopper(options.Engine, containerName, variables, mark)
        )
        {
            Mark = mark,
            Container = containerName,
            Shown = options.Engine,
        };
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
