using System.Net;
using System.Net.Http.Headers;

namespace MaskBench.Stages.Setup.Check;

/// <summary>A download (weights, a wheel, get-pip, an apt repository's Release file): a HEAD request, or a one-byte
/// ranged GET where HEAD is refused; nothing is downloaded, so a recorded sha256 is not verified.</summary>
static class UrlProbe
{
    public static async Task<CheckResult> RunAsync(Reference reference, Http http)
    {
        var answer = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, reference.Name), readBody: false);
        if (answer.Status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.NotImplemented)
        {
            var get = new HttpRequestMessage(HttpMethod.Get, reference.Name);
            get.Headers.Range = new RangeHeaderValue(0, 0);
            answer = await http.SendAsync(get, readBody: false);
        }
        var bytes = answer.Bytes;
        return answer switch
        {
            { Failure: { } why } => new CheckResult(
                reference,
                CheckStatus.Unreachable,
                $"{why}: check the address, or run Check where it can be reached",
                bytes
            ),
            { Ok: true } => new CheckResult(reference, CheckStatus.Ok, Sha256Note(reference), bytes),
            { Status: HttpStatusCode.NotFound or HttpStatusCode.Gone or HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized } =>
                new CheckResult(
                    reference,
                    CheckStatus.Missing,
                    $"HTTP {(int)answer.Status!}: the file is gone; find a mirror and change it in {reference.Origin}",
                    bytes
                ),
            _ => new CheckResult(
                reference,
                CheckStatus.Unreachable,
                $"HTTP {(int)answer.Status!}: the server fails; try again later",
                bytes
            ),
        };
    }

    /// <summary>An apt archive's Release file changes as the archive does, so it has no sha256 to record: a root recipe
    /// names the archive's snapshot for a rebuild bit for bit.</summary>
    static string Sha256Note(Reference reference) =>
        reference.Name.EndsWith("/Release", StringComparison.Ordinal) ? "reachable (an archive's index: it changes with the archive)"
        : reference.Origin.EndsWith(".json", StringComparison.Ordinal)
            ? reference.Pin is null ? $"reachable; no sha256 recorded: add it in {reference.Origin}"
                : "reachable; sha256 not verified (not downloaded)"
        : "reachable";
}
