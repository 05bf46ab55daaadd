namespace MaskBench.Tools.Git;

/// <summary>What fetches a pin (<c>--git-transport</c>): the git CLI (shallow, by hash) or LibGit2Sharp (in full), for a
/// machine without git. Not chosen: the git CLI where it is on PATH, else LibGit2Sharp.</summary>
internal enum GitTransport
{
    Cli,
    Libgit2,
}
