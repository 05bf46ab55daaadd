namespace MaskBench.Engine;

/// <summary>One slot of a shared resource a target holds while it runs; <see cref="Capacity"/> is the resource's size.</summary>
internal sealed record ResourceUse(string Resource, int Capacity);
