using System.Runtime.InteropServices;

namespace MaskBench.Model.Logs;

/// <summary>
/// What a path is, asked with <c>lstat</c>/<c>stat</c> before anything opens it: opening a FIFO blocks in
/// <c>open()</c> and a device never ends, so a reader of user-given folders reads regular files only. The kinds
/// come from .NET's own native layer (<c>SystemNative_LStat</c>, the call behind <see cref="FileInfo"/>), so the
/// struct layout is the runtime's, not the C library's.
/// </summary>
static class FileKind
{
    const int TypeMask = 0xF000;

    /// <summary>Why <paramref name="path"/> is not a regular file to read (after following links), or null when it is
    /// one. A missing path is "missing".</summary>
    public static string? NotRegular(string path)
    {
        if (Mode(path, followLinks: false) is not { } own)
            return "missing";
        if ((own & TypeMask) == 0xA000)
        {
            try
            {
                File.ResolveLinkTarget(path, returnFinalTarget: true);
            }
            catch (IOException e)
            {
                return $"a symbolic link that cannot be followed ({e.Message})";
            }
        }
        return (Mode(path, followLinks: true) & TypeMask) switch
        {
            null => "a symbolic link that leads nowhere",
            0x8000 => null,
            0x4000 => "a directory",
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => "not a regular file",
        };
    }

    static int? Mode(string path, bool followLinks)
    {
        var status = new byte[256]; // FileStatus is about 120 bytes; Mode is the second int32
        var result = followLinks ? Stat(path, status) : LStat(path, status);
        return result == 0 ? BitConverter.ToInt32(status, 4) : null;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat")]
    static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_LStat")]
    static extern int LStat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
