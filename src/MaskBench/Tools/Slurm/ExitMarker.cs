using System.Globalization;

namespace MaskBench.Tools.Slurm;

/// <summary>The file a job's supervisor writes last, for a scheduler that has forgotten the job: <c>&lt;exit code&gt;
/// &lt;SLURM_JOB_ID&gt;</c>. A marker speaks only for the job that wrote it: a run folder's marker of an earlier job
/// (or one without a job id) is never taken as the end of another.</summary>
internal static class ExitMarker
{
    /// <summary>The marker's text for the job this process runs in (<c>SLURM_JOB_ID</c>; <c>-</c> outside a job).</summary>
    public static string Text(int code)
    {
        var job = Environment.GetEnvironmentVariable("SLURM_JOB_ID") is { Length: > 0 } id ? id : "-";
        return $"{code.ToString(CultureInfo.InvariantCulture)} {job}\n";
    }

    /// <summary>The exit code job <paramref name="jobId"/> left in <paramref name="path"/>; null when the file is
    /// missing, unreadable, or written by another job.</summary>
    public static int? Read(string path, string jobId)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        var fields = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return
            fields.Length == 2
            && fields[1] == jobId
            && int.TryParse(fields[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var code)
            ? code
            : null;
    }
}
