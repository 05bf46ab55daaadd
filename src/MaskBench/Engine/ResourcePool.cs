namespace MaskBench.Engine;

/// <summary>The slots of shared resources in use; only the executor's scheduling loop touches it.</summary>
internal sealed class ResourcePool
{
    readonly Dictionary<string, int> taken = new(StringComparer.Ordinal);

    /// <summary>Takes one slot of every resource, or none when any is full.</summary>
    public bool TryTake(IReadOnlyList<ResourceUse> uses)
    {
        if (uses.Any(u => taken.GetValueOrDefault(u.Resource) >= u.Capacity))
            return false;
        foreach (var use in uses)
            taken[use.Resource] = taken.GetValueOrDefault(use.Resource) + 1;
        return true;
    }

    public void Give(IReadOnlyList<ResourceUse> uses)
    {
        foreach (var use in uses)
            taken[use.Resource]--;
    }
}
