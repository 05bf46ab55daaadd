namespace MaskBench.Tests.Workflows;

/// <summary>A generated workflow read by its layout (two spaces a level, as the declarations write it): the lines
/// before <c>jobs:</c>, each job's block by id, and a job's <c>runs-on</c> labels.</summary>
static class WorkflowJobs
{
    /// <summary>The workflow's lines above <c>jobs:</c>: its triggers, permissions, concurrency and env.</summary>
    public static string Preamble(string yaml) => yaml[..yaml.IndexOf("\njobs:\n", StringComparison.Ordinal)];

    /// <summary>Each job's lines (without its <c>id:</c> line), by id, in the order they are declared.</summary>
    public static IReadOnlyList<(string Id, string Block)> Of(string yaml)
    {
        var jobs = new List<(string Id, List<string> Lines)>();
        var inJobs = false;
        foreach (var line in yaml.Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ' && line[0] != '#')
                inJobs = line == "jobs:";
            else if (inJobs && line.Length > 2 && line.StartsWith("  ", StringComparison.Ordinal) && line[2] != ' ')
                jobs.Add((line.Trim().TrimEnd(':'), []));
            else if (inJobs && jobs.Count > 0)
                jobs[^1].Lines.Add(line);
        }
        return [.. jobs.Select(j => (j.Id, string.Join("\n", j.Lines)))];
    }

    public static string Job(string yaml, string id) => Of(yaml).Single(j => j.Id == id).Block;

    /// <summary>The labels of a job's <c>runs-on</c>: one (<c>ubuntu-24.04</c>) or a list (<c>[self-hosted, linux, gpu]</c>).</summary>
    public static IReadOnlyList<string> RunsOn(string block)
    {
        var value = block.Split('\n').Single(l => l.StartsWith("    runs-on: ", StringComparison.Ordinal))["    runs-on: ".Length..].Trim();
        return [.. value.Trim('[', ']').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
    }
}
