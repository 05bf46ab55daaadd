using MaskBench.Foundation.Files;
using MaskBench.Model.Logs;
using Newtonsoft.Json;

namespace MaskBench.Model.Records;

/// <summary>Reads and writes <see cref="RunRecord"/>s. A record of another shape or version reads as absent, with
/// the reason, never as an exception from deep inside a serializer.</summary>
internal static class RunRecords
{
    public static void Write(string path, RunRecord record) => JsonFiles.Write(path, record);

    /// <summary>The record, or null with a one-line reason (missing, unreadable, another version, another shape).</summary>
    public static (RunRecord? Record, string? Problem) Read(string path)
    {
        if (!File.Exists(path))
            return (null, null);
        try
        {
            var record = JsonFiles.ParseOrNull<RunRecord>(File.ReadAllText(path));
            if (record is null)
                return (null, $"{Shown.Path(path)} is empty");
            if (!RunRecord.Readable(record.Version))
                return (
                    null,
                    $"{Shown.Path(path)} is a version {record.Version} record; this MaskBench reads versions 1 to {RunRecord.CurrentVersion}"
                );
            if (record.Status is null || record.Stage is null || record.Implementation is null)
                return (null, $"{Shown.Path(path)} lacks status, stage or implementation");
            if (record.Status is ThroughputResult.Ok or ThroughputResult.Suspect && record.Result is null)
                return (null, $"{Shown.Path(path)} says '{record.Status}' but holds no result");
            if (record.Result is { } result && ResultShape.Problem(result) is { } shape)
                return (null, $"{Shown.Path(path)} holds no valid result ({shape})");
            return (record, null);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            return (null, $"{Shown.Path(path)} is not a run record ({e.Message.Split('\n')[0]})");
        }
    }
}
