using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Newtonsoft.Json.Linq;

namespace MaskBench.Stages.Setup.Check;

/// <summary>A base image in its registry: HEAD of <c>/v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> (an anonymous token
/// where the registry asks for one), its digest compared with the lock's. No layer is downloaded.</summary>
static class ImageProbe
{
    static readonly string[] ManifestTypes =
    [
        "application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json",
        "application/vnd.docker.distribution.manifest.v2+json",
        "application/vnd.oci.image.manifest.v1+json",
    ];

    public static async Task<CheckResult> RunAsync(Reference reference, Http http, CheckOptions options)
    {
        var (registry, repository, tag) = Parse(reference.Name);
        var registryUrl = options.Registries.TryGetValue(registry, out var given)
            ? given
            : new Uri(registry == "docker.io" ? "https://registry-1.docker.io/" : $"https://{registry}/");
        var bytes = 0L;
        string? token = null;

        async Task<(HttpAnswer Answer, string? Digest)> ManifestAsync(string reference)
        {
            var url = new Uri(registryUrl, $"v2/{repository}/manifests/{reference}");
            var answer = await http.SendAsync(Request(HttpMethod.Head, url, token), readBody: false);
            bytes += answer.Bytes;
            if (
                answer.Status == HttpStatusCode.Unauthorized
                && token is null
                && answer.Headers?.WwwAuthenticate.FirstOrDefault() is { } challenge
            )
            {
                token = await TokenAsync(challenge, http, b => bytes += b);
                answer = await http.SendAsync(Request(HttpMethod.Head, url, token), readBody: false);
                bytes += answer.Bytes;
            }
            if (!answer.Ok)
                return (answer, null);
            if (answer.Headers!.TryGetValues("Docker-Content-Digest", out var digests))
                return (answer, digests.First());
            var body = await http.SendAsync(Request(HttpMethod.Get, url, token), readBody: true);
            bytes += body.Bytes;
            return (body, "sha256:" + Convert.ToHexStringLower(SHA256.HashData(body.Body)));
        }

        var (byTag, current) = await ManifestAsync(tag);
        if (byTag.Failure is { } why)
            return new CheckResult(
                reference,
                CheckStatus.Unreachable,
                $"{why}: run Check where {registry} can be reached{(reference.Pin is null ? $" (and record its digest in {options.ImageLock})" : "")}",
                bytes
            );
        if (current is null)
            return byTag.Status is HttpStatusCode.NotFound or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                ? new CheckResult(
                    reference,
                    CheckStatus.Missing,
                    $"{registry} has no {repository}:{tag} (HTTP {(int)byTag.Status!}): pick an image that exists",
                    bytes
                )
                : new CheckResult(
                    reference,
                    CheckStatus.Unreachable,
                    $"{registry} answers HTTP {(int)byTag.Status!}: try again later",
                    bytes
                );
        if (reference.Pin is null)
            return new CheckResult(
                reference,
                CheckStatus.Unpinned,
                $"the tag points to {current}: write it after {reference.Name} in {options.ImageLock}",
                bytes
            );
        if (current == reference.Pin)
            return new CheckResult(reference, CheckStatus.Ok, "the tag still points to the pinned digest", bytes);
        var (_, pinned) = await ManifestAsync(reference.Pin);
        return pinned is null
            ? new CheckResult(
                reference,
                CheckStatus.Missing,
                $"the pinned digest is gone; the tag points to {current}: test it and write it in {options.ImageLock}",
                bytes
            )
            : new CheckResult(
                reference,
                CheckStatus.Changed,
                $"the tag moved to {current}; the pinned digest still exists and stays in use",
                bytes
            );
    }

    static HttpRequestMessage Request(HttpMethod method, Uri url, string? token)
    {
        var request = new HttpRequestMessage(method, url);
        foreach (var type in ManifestTypes)
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(type));
        if (token is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return request;
    }

    /// <summary>An anonymous pull token from the realm the registry's <c>WWW-Authenticate: Bearer</c> names.</summary>
    static async Task<string?> TokenAsync(AuthenticationHeaderValue challenge, Http http, Action<long> received)
    {
        if (!challenge.Scheme.Equals("Bearer", StringComparison.OrdinalIgnoreCase) || challenge.Parameter is null)
            return null;
        var fields = challenge
            .Parameter.Split(',')
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim().Trim('"'));
        if (!fields.TryGetValue("realm", out var realm))
            return null;
        var query = string.Join("&", fields.Where(f => f.Key != "realm").Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
        var answer = await http.SendAsync(
            new HttpRequestMessage(HttpMethod.Get, query.Length > 0 ? $"{realm}?{query}" : realm),
            readBody: true
        );
        received(answer.Bytes);
        if (!answer.Ok)
            return null;
        var json = JObject.Parse(System.Text.Encoding.UTF8.GetString(answer.Body));
        return (string?)json["token"] ?? (string?)json["access_token"];
    }

    /// <summary><c>ubuntu:18.04</c> → (docker.io, library/ubuntu, 18.04); <c>nvcr.io/nvidia/tensorflow:23.03-tf1-py3</c> → (nvcr.io, nvidia/tensorflow, …).</summary>
    internal static (string Registry, string Repository, string Tag) Parse(string image)
    {
        var slash = image.IndexOf('/');
        var first = slash < 0 ? "" : image[..slash];
        var hasRegistry = first.Contains('.') || first.Contains(':') || first == "localhost";
        var registry = hasRegistry ? first : "docker.io";
        var rest = hasRegistry ? image[(slash + 1)..] : image;
        var colon = rest.LastIndexOf(':');
        var (repository, tag) = colon > rest.LastIndexOf('/') && colon >= 0 ? (rest[..colon], rest[(colon + 1)..]) : (rest, "latest");
        if (registry == "docker.io" && !repository.Contains('/'))
            repository = "library/" + repository;
        return (registry, repository, tag);
    }
}
