namespace MaskBench.Git;

/// <summary>What fetches a pin: the git CLI (shallow, by hash) or LibGit2Sharp (in full), for a machine without git.</summary>
public enum GitTransport
{
    Cli,
    LibGit2,
}
