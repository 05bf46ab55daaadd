using System.Globalization;
using LibGit2Sharp;

namespace MaskBench.Tests.History;

/// <summary>
/// A local git repository written by the test: commit k carries <c>speed.txt</c>, the fake trainer's mean img/s at
/// that commit (or <c>broken</c> for a commit that does not build). Commits are a day apart.
/// </summary>
sealed class SpeedRepository : IDisposable
{
    static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public string Root { get; } = Directory.CreateTempSubdirectory("maskbench-history-").FullName;

    public string Clone => Path.Combine(Root, "clone");

    public List<string> Commits { get; } = [];

    public SpeedRepository() => Repository.Init(Clone);

    /// <summary>A repository whose commits carry these speeds (null = does not build), oldest first.</summary>
    public static SpeedRepository With(IEnumerable<double?> speeds)
    {
        var repository = new SpeedRepository();
        foreach (var speed in speeds)
            repository.Commit(speed);
        return repository;
    }

    /// <summary><paramref name="count"/> commits at <paramref name="fast"/> img/s, <paramref name="slow"/> from index <paramref name="firstSlow"/> on.</summary>
    public static SpeedRepository Step(int count, int firstSlow, double fast = 60, double slow = 54) =>
        With(Enumerable.Range(0, count).Select(i => (double?)(i < firstSlow ? fast : slow)));

    public string Commit(double? speed)
    {
        using var repository = new Repository(Clone);
        File.WriteAllText(Path.Combine(Clone, "speed.txt"), speed is { } s ? s.ToString(CultureInfo.InvariantCulture) : "broken");
        File.WriteAllText(Path.Combine(Clone, "commit.txt"), Commits.Count.ToString(CultureInfo.InvariantCulture));
        Commands.Stage(repository, "*");
        var when = new Signature("MaskBench Tests", "tests@maskbench.invalid", Start.AddDays(Commits.Count));
        var sha = repository.Commit($"commit {Commits.Count}", when, when).Sha;
        Commits.Add(sha);
        return sha;
    }

    public DateTimeOffset DateOf(string commit) => Start.AddDays(Commits.IndexOf(commit));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
