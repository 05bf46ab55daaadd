using System.Globalization;

namespace MaskBench.Tools.Telemetry;

/// <summary>Maps a <c>CUDA_VISIBLE_DEVICES</c> value to nvidia-smi's GPU indices. Indices are taken as nvidia-smi's
/// (PCI bus order; CUDA's own default order, FASTEST_FIRST, agrees on machines of one GPU model, and
/// <c>CUDA_DEVICE_ORDER=PCI_BUS_ID</c> makes it agree always); UUIDs and their unique prefixes are exact. MIG
/// instances cannot be mapped to a GPU here, so a value naming them checks every GPU.</summary>
static class VisibleGpus
{
    public static IReadOnlyList<int> Select(string? visibleDevices, IReadOnlyDictionary<int, string> uuids, out string? problem)
    {
        problem = null;
        var all = uuids.Keys.Order().ToList();
        if (string.IsNullOrWhiteSpace(visibleDevices) || visibleDevices.Contains("MIG-", StringComparison.Ordinal))
            return all;
        var selected = new List<int>();
        foreach (var entry in visibleDevices.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = int.TryParse(entry, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                ? (uuids.ContainsKey(index) ? [index] : [])
                : all.Where(i => uuids[i].StartsWith(entry, StringComparison.OrdinalIgnoreCase)).ToList();
            if (match.Count != 1)
            {
                problem =
                    $"CUDA_VISIBLE_DEVICES names GPU '{entry}', which {(match.Count == 0 ? "this machine does not have" : "matches more than one GPU")} (GPUs: {string.Join(", ", all)}): fix CUDA_VISIBLE_DEVICES";
                return [];
            }
            selected.Add(match[0]);
        }
        return selected.Distinct().ToList();
    }
}
