namespace MaskBench.Chain;

/// <summary>Where environments come from: a container image built by docker or podman, or a virtual environment made
/// from an existing interpreter.</summary>
public enum Provider
{
    Docker,
    Podman,
    Venv,
}
