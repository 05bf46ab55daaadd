namespace MaskBench.Stages.Setup.Check;

/// <summary>What a probe found. <see cref="Missing"/> and <see cref="Unreachable"/> fail the check.</summary>
internal enum CheckStatus
{
    Ok,
    Missing,
    Changed,
    Unreachable,
    Unpinned,
    NotChecked,
}

static class CheckStatuses
{
    public static string Show(this CheckStatus status) =>
        status switch
        {
            CheckStatus.NotChecked => "not checked",
            _ => status.ToString().ToLowerInvariant(),
        };

    public static bool Fails(this CheckStatus status) => status is CheckStatus.Missing or CheckStatus.Unreachable;
}
