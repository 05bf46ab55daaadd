using System.Security.Cryptography;
using System.Text;

namespace MaskBench.Stages.Patch;

/// <summary>The git blob hash of file content: SHA-1 of <c>"blob &lt;length&gt;\0"</c> and the bytes.</summary>
static class BlobHash
{
    public static string Of(byte[] content)
    {
        var header = Encoding.ASCII.GetBytes($"blob {content.Length}\0");
        return Convert.ToHexStringLower(SHA1.HashData([.. header, .. content]));
    }
}
