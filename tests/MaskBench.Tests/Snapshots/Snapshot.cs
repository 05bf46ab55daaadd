using System.Runtime.CompilerServices;

namespace MaskBench.Tests.Snapshots;

/// <summary>
/// Approved-file snapshots: the text must equal <c>Snapshots/&lt;name&gt;.verified.&lt;ext&gt;</c> beside this
/// file. A mismatch writes <c>.received.</c> next to it and fails; run the tests with
/// <c>UPDATE_SNAPSHOTS=1</c> to accept what was received.
/// </summary>
static class Snapshot
{
    public static void Match(string name, string actual, string extension = "txt", [CallerFilePath] string caller = "")
    {
        var folder = Path.Combine(Paths.Repository("tests", "MaskBench.Tests", "Snapshots"));
        var verified = Path.Combine(folder, $"{name}.verified.{extension}");
        var received = Path.Combine(folder, $"{name}.received.{extension}");
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(verified, actual);
            File.Delete(received);
            return;
        }
        var expected = File.Exists(verified) ? File.ReadAllText(verified).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }
        File.WriteAllText(received, actual);
        Assert.Fail(
            expected is null
                ? $"no approved snapshot {verified}; review {received} and rerun with UPDATE_SNAPSHOTS=1"
                : $"{name} differs from {verified}; see {received} (diff them), or rerun with UPDATE_SNAPSHOTS=1 if the change is intended"
        );
    }
}
