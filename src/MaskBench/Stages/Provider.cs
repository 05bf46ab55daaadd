namespace MaskBench.Stages;

/// <summary>Where environments come from: a container image built by docker or podman, or a virtual environment made
/// from an existing interpreter.</summary>
internal enum Provider
{
    Docker,
    Podman,
    Venv,
}
