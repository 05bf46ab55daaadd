using MaskBench.Files;
using MaskBench.Parsing;
using Newtonsoft.Json;

namespace MaskBench.Results;

/// <summary>Reads and writes <see cref="RunRecord"/>s. A record of another shape or version reads as absent, with
/// the reason, never as an exception from deep inside a serializer.</summary>
public static class RunRecords
{
    public static void Write(string path, RunRecord record) =>
        AtomicFile.WriteAllText(path, JsonConvert.SerializeObject(record, ResultFiles.Settings) + "\n");

    /// <summary>The record, or null with a one-line reason (missing, unreadable, another version, another shape).</summary>
    public static (RunRecord? Record, string? Problem) Read(string path)
    {
        if (!File.Exists(path))
            return (null, null);
        try
        {
            var record = JsonConvert.DeserializeObject<RunRecord>(File.ReadAllText(path), ResultFiles.Settings);
            if (record is null)
                return (null, $"{Shown.Path(path)} is empty");
            if (record.Version != RunRecord.CurrentVersion)
                return (
                    null,
                    $"{Shown.Path(path)} is a version {record.Version} record; this MaskBench reads version {RunRecord.CurrentVersion}"
                );
            if (record.Status is null || record.Stage is null || record.Implementation is null)
                return (null, $"{Shown.Path(path)} lacks status, stage or implementation");
            if (record.Result is { } result && (result.Status is null || result.Requested is null || result.Failures is null))
                return (null, $"{Shown.Path(path)} holds a result without status, window or failures");
            return (record, null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, $"{Shown.Path(path)} is not a run record ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>The first line of a message, bounded: what a table cell or the summary shows.</summary>
    public static string OneLine(string message, int length = 200)
    {
        var line = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        return line.Length <= length ? line : line[..(length - 1)] + "…";
    }
}
