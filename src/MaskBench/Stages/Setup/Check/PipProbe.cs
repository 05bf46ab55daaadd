using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace MaskBench.Stages.Setup.Check;

/// <summary>A pinned pip requirement on the package index: the release's JSON (<c>/pypi/&lt;name&gt;/&lt;version&gt;/json</c>)
/// must list an sdist or a wheel this stack's Python can install on Linux x86_64; on a miss the simple API
/// (<c>/simple/&lt;name&gt;/</c>) tells a missing package from a missing version and names the versions there are.
/// Only these index pages are read: no wheel is downloaded.</summary>
static partial class PipProbe
{
    public static async Task<CheckResult> RunAsync(Reference reference, Http http, CheckOptions options)
    {
        if (reference.Pin is null)
            return new CheckResult(reference, CheckStatus.Unpinned, $"pin it with == in {reference.Origin}", 0);
        if (reference.Pin.Contains('+'))
            return new CheckResult(
                reference,
                CheckStatus.NotChecked,
                "a local version (+…) is not on the index: its wheel's URL is checked",
                0
            );
        var name = Normalize(reference.Name);
        var release = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, new Uri(options.PackageIndex, $"pypi/{name}/{reference.Pin}/json")),
            readBody: true
        );
        var bytes = release.Bytes;
        if (release.Failure is { } why)
            return new CheckResult(reference, CheckStatus.Unreachable, $"{why}: run Check where the index can be reached", bytes);
        if (release.Status == HttpStatusCode.NotFound)
        {
            var (fix, more) = await MissingAsync(name, reference.Pin, http, options);
            return new CheckResult(reference, CheckStatus.Missing, fix, bytes + more);
        }
        if (!release.Ok)
            return new CheckResult(
                reference,
                CheckStatus.Unreachable,
                $"the index answers HTTP {(int)release.Status!}: try again later",
                bytes
            );
        var json = JObject.Parse(Encoding.UTF8.GetString(release.Body));
        var files = (json["urls"] as JArray ?? []).OfType<JObject>().ToList();
        var live = files.Where(f => f["yanked"]?.Value<bool>() != true).ToList();
        if (files.Count > 0 && live.Count == 0)
            return new CheckResult(
                reference,
                CheckStatus.Changed,
                $"every file of {reference.Shown} is yanked: pin another version",
                bytes
            );
        var python = reference.Python;
        if (
            python is not null
            && (string?)json["info"]?["requires_python"] is { Length: > 0 } requires
            && !PythonVersions.Satisfies(python, requires)
        )
            return new CheckResult(
                reference,
                CheckStatus.Missing,
                $"{reference.Shown} needs Python {requires}, the stack has {python}: pin an older version",
                bytes
            );
        var names = live.Select(f => (string?)f["filename"] ?? "").ToList();
        if (names.Any(n => !n.EndsWith(".whl", StringComparison.Ordinal) && n.Length > 0))
            return new CheckResult(
                reference,
                CheckStatus.Ok,
                names.Any(n => Installs(n, python)) ? "wheel" : "sdist (built from source)",
                bytes
            );
        if (names.Any(n => Installs(n, python)))
            return new CheckResult(reference, CheckStatus.Ok, "wheel", bytes);
        var tags = names.Select(n => n.Split('-').Reverse().Skip(2).FirstOrDefault()).Distinct().Take(6);
        return new CheckResult(
            reference,
            CheckStatus.Missing,
            $"no sdist and no wheel for Python {python} on Linux x86_64 (wheels: {string.Join(", ", tags)}): pin a version that has one",
            bytes
        );
    }

    static async Task<(string Fix, long Bytes)> MissingAsync(string name, string version, Http http, CheckOptions options)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(options.PackageIndex, $"simple/{name}/"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/vnd.pypi.simple.v1+json"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html", 0.1));
        var simple = await http.SendAsync(request, readBody: true);
        if (simple.Status == HttpStatusCode.NotFound)
            return ($"the index has no package '{name}': fix the name in the constraints", simple.Bytes);
        if (!simple.Ok)
            return ($"the index has no {name} {version}: pin a version it has", simple.Bytes);
        var text = Encoding.UTF8.GetString(simple.Body);
        var versions = Versions(name, text);
        var near = versions
            .OrderByDescending(v => CommonPrefix(v, version))
            .ThenBy(v => v, StringComparer.Ordinal)
            .Take(3)
            .Order(StringComparer.Ordinal);
        return ($"the index has no {name} {version}; near it: {string.Join(", ", near)}: pin one of them", simple.Bytes);
    }

    /// <summary>The versions a simple page lists: its <c>versions</c> (JSON) or the versions in its file names (HTML).</summary>
    static IReadOnlyList<string> Versions(string name, string page)
    {
        if (page.TrimStart().StartsWith('{') && JObject.Parse(page)["versions"] is JArray listed)
            return listed.Select(v => (string)v!).ToList();
        return FileName()
            .Matches(page)
            .Select(m => m.Groups[1].Value)
            .Select(file =>
            {
                if (file.EndsWith(".whl", StringComparison.Ordinal))
                    return file.Split('-').ElementAtOrDefault(1);
                var stem = file.EndsWith(".zip", StringComparison.Ordinal) ? file[..^4] : file[..^7];
                return stem.Length > name.Length + 1 && Normalize(stem[..name.Length]) == name ? stem[(name.Length + 1)..] : null;
            })
            .OfType<string>()
            .Distinct()
            .ToList();
    }

    /// <summary>Whether a wheel's tags fit CPython <paramref name="python"/> on Linux x86_64 (null: any Python).</summary>
    internal static bool Installs(string file, string? python)
    {
        if (!file.EndsWith(".whl", StringComparison.Ordinal))
            return false;
        var parts = file[..^4].Split('-');
        if (parts.Length < 5)
            return false;
        var (pythons, abi, platforms) = (parts[^3].Split('.'), parts[^2], parts[^1].Split('.'));
        var platformFits = platforms.Any(p =>
            p == "any" || p.EndsWith("x86_64", StringComparison.Ordinal) && p.Contains("linux", StringComparison.Ordinal)
        );
        if (python is null)
            return platformFits;
        var digits = python.Replace(".", "", StringComparison.Ordinal);
        var minor = int.Parse(python.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
        var pythonFits = pythons.Any(t =>
            t == $"cp{digits}"
            || t == $"py{digits}"
            || t == "py3"
            || abi == "abi3" && t.StartsWith("cp3", StringComparison.Ordinal) && int.TryParse(t[3..], out var m) && m <= minor
        );
        return pythonFits && platformFits;
    }

    static int CommonPrefix(string a, string b) => a.Zip(b).TakeWhile(p => p.First == p.Second).Count();

    /// <summary>PEP 503: runs of <c>-_.</c> become one <c>-</c>, lower case.</summary>
    internal static string Normalize(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();

    [GeneratedRegex(@">([^<>]+\.(?:whl|tar\.gz|zip))</a>")]
    private static partial Regex FileName();
}
