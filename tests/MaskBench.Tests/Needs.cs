namespace MaskBench.Tests;

/// <summary>
/// The suite's groups, by what a spec needs beyond the test process (the trait <c>Needs</c>): <c>./build.sh Test</c>
/// runs the in-process specs first (no trait), then <see cref="Processes"/>, then the external systems, and stops at the
/// first group that fails; <c>./build.sh Test --test-group slurm</c> runs one. A class that uses two systems carries both.
/// </summary>
static class Needs
{
    public const string Trait = "Needs";

    /// <summary>Real programs of this machine (the fake trainer, python, git, the build script): the heavy specs.</summary>
    public const string Processes = "processes";
    public const string Podman = "podman";
    public const string Slurm = "slurm";
    public const string Registry = "registry";
    public const string Npm = "npm";
}

/// <summary>The heavy process specs run one at a time and never beside another collection: each starts process trees
/// and times their lines, so two at once would only measure each other.</summary>
[CollectionDefinition(Heavy.Processes, DisableParallelization = true)]
public sealed class HeavyProcessesCollection;

static class Heavy
{
    public const string Processes = "processes";
}
