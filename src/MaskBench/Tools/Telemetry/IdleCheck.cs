using System.Globalization;

namespace MaskBench.Tools.Telemetry;

/// <summary>
/// The preflight check before Train: the GPUs the training will see (<c>CUDA_VISIBLE_DEVICES</c>: indices or UUIDs,
/// unset for all) run no compute process (<c>--query-compute-apps</c>; before Train every one is foreign) and are
/// near zero utilisation (the median of a few readings, since <c>utilization.gpu</c> is sampled over up to a second).
/// </summary>
internal static class IdleCheck
{
    public const double BusyUtilization = 10;

    public static async Task<IdleReport> RunAsync(
        string? visibleDevices,
        string nvidiaSmi = Smi.Program,
        int readings = 3,
        CancellationToken cancellation = default
    )
    {
        var utilization = new Dictionary<int, List<double>>();
        var uuids = new Dictionary<int, string>();
        for (var reading = 0; reading < Math.Max(1, readings); reading++)
        {
            if (reading > 0)
                await Task.Delay(500, cancellation);
            var gpus = await Smi.RunAsync(
                nvidiaSmi,
                ["--query-gpu=index,uuid,utilization.gpu", "--format=csv,noheader,nounits"],
                cancellation
            );
            if (!gpus.Started)
                return new IdleReport(null, null, []);
            if (!gpus.Ok)
                return new IdleReport(false, $"nvidia-smi fails ({Smi.LastLine(gpus)}): fix the NVIDIA driver before training", []);
            var rows = Smi.GpuRows(
                gpus.StandardOutput,
                "index, uuid, utilization.gpu",
                c => c.Length == 3 && int.TryParse(c[0], CultureInfo.InvariantCulture, out _) && c[1].Length > 0
            );
            foreach (var cells in rows)
            {
                var index = int.Parse(cells[0], CultureInfo.InvariantCulture);
                uuids[index] = cells[1];
                if (SmiValue.Number(cells[2]) is { } used)
                    (utilization.TryGetValue(index, out var list) ? list : utilization[index] = []).Add(used);
            }
        }
        var selected = VisibleGpus.Select(visibleDevices, uuids, out var selectionProblem);
        if (selectionProblem is not null)
            return new IdleReport(false, selectionProblem, []);
        var apps = await Smi.RunAsync(
            nvidiaSmi,
            ["--query-compute-apps=gpu_uuid,pid,process_name,used_memory", "--format=csv,noheader,nounits"],
            cancellation
        );
        var problems = new List<string>();
        foreach (var cells in apps is { Ok: true } ? Smi.Rows(apps).Select(SmiValue.Split).Where(c => c.Length >= 4) : [])
            if (selected.FirstOrDefault(i => uuids[i] == cells[0], -1) is var index and >= 0)
                problems.Add($"GPU {index} is held by pid {cells[1]} ({cells[2]}, {cells[3]} MiB)");
        foreach (var index in selected)
            if (
                utilization.TryGetValue(index, out var readingsOf)
                && MaskBench.Foundation.Statistics.Samples.Median(readingsOf) is var busy
                && busy > BusyUtilization
            )
                if (!problems.Any(p => p.StartsWith($"GPU {index} ", StringComparison.Ordinal)))
                    problems.Add($"GPU {index} is {busy:0} % busy with no compute process listed (another container or user)");
        if (problems.Count == 0)
            return new IdleReport(true, null, selected);
        var more = problems.Count > 1 ? $" (and {problems.Count - 1} more: {string.Join("; ", problems.Skip(1))})" : "";
        return new IdleReport(false, $"{problems[0]}{more}: stop it or pick other GPUs with CUDA_VISIBLE_DEVICES", selected);
    }
}
