using MaskBench.Foundation.Files;
using MaskBench.Model.Logs;
using Newtonsoft.Json;

namespace MaskBench.History;

/// <summary>
/// The history folder (<c>--history</c>, default <c>artifacts/history</c>): one JSON file per finished run, appended
/// atomically and never rewritten, laid out by machine key and implementation so that folders from several machines
/// merge by copying (or by git) without conflicts.
/// </summary>
internal sealed class HistoryStore(string folder)
{
    public string Folder { get; } = Path.GetFullPath(folder);

    /// <summary>Writes the record to a new file and returns its path; refuses to overwrite an existing record.</summary>
    public string Append(HistoryRecord record)
    {
        if (record.Schema != HistoryRecord.CurrentSchema)
            throw new HistoryException($"a history record must have schema {HistoryRecord.CurrentSchema}, not {record.Schema}");
        foreach (var (name, value) in new[] { ("machine key", record.MachineKey), ("implementation", record.Implementation) })
            if (
                string.IsNullOrEmpty(value)
                || value.StartsWith('.')
                || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '+')
            )
                throw new HistoryException(
                    $"the {name} '{value}' cannot name a history folder: use letters, digits, '-', '_', '.' and '+' only"
                );
        var path = Path.Combine(Folder, record.RelativePath);
        try
        {
            AtomicFile.WriteNew(path, JsonFiles.Text(record));
        }
        catch (IOException) when (File.Exists(path))
        {
            throw new HistoryException($"the history record {path} already exists (records are never rewritten): give the run another id");
        }
        return path;
    }

    /// <summary>
    /// Every record under the folder, in file-name order. Files that do not parse, or whose throughput no training
    /// reaches (<see cref="Throughputs"/>), are skipped and named; a record of a
    /// newer schema stops the read with one line, since this MaskBench cannot tell what it means.
    /// </summary>
    public HistoryRead ReadAll()
    {
        if (!Directory.Exists(Folder))
            return new HistoryRead([], []);
        var records = new List<HistoryRecord>();
        var unreadable = new List<string>();
        var files = Directory
            .EnumerateFiles(Folder, "*.json", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            HistoryRecord record;
            try
            {
                record = JsonFiles.Parse<HistoryRecord>(File.ReadAllText(file));
            }
            catch (Exception e) when (e is JsonException or IOException or ArgumentException or FormatException)
            {
                unreadable.Add($"{Path.GetRelativePath(Folder, file)}: {FirstLine(e.Message)}");
                continue;
            }
            if (record.Schema > HistoryRecord.CurrentSchema)
                throw new HistoryException(
                    $"the history {Folder} holds records of schema {record.Schema} ({Path.GetRelativePath(Folder, file)}), written by a newer MaskBench; this one reads up to schema {HistoryRecord.CurrentSchema}: update MaskBench or pass another --history"
                );
            if (
                record.Schema < 1
                || string.IsNullOrEmpty(record.MachineKey)
                || string.IsNullOrEmpty(record.Implementation)
                || string.IsNullOrEmpty(record.Commit)
            )
            {
                unreadable.Add(
                    $"{Path.GetRelativePath(Folder, file)}: not a history record (no schema, machine key, implementation or commit)"
                );
                continue;
            }
            if (Throughputs.Problem(record.Throughput) is { } absurd)
            {
                unreadable.Add($"{Path.GetRelativePath(Folder, file)}: {absurd}");
                continue;
            }
            records.Add(record);
        }
        return new HistoryRead(records, unreadable);
    }

    static string FirstLine(string text) => text.Split('\n')[0].Trim();
}
