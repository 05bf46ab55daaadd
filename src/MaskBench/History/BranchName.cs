namespace MaskBench.History;

/// <summary>
/// <c>--track-branch</c>: a branch, tag or <c>HEAD</c>, checked by git's own ref-name rules (<c>git check-ref-format
/// --allow-onelevel</c>) and refused when it starts with '-', so no value reaches git as an option.
/// </summary>
internal static class BranchName
{
    /// <summary>Null when <paramref name="name"/> is a valid ref name; otherwise the one line that says what is wrong and the fix.</summary>
    public static string? Invalid(string name)
    {
        var why = Why(name);
        return why is null
            ? null
            : $"--track-branch '{name}' is not a branch name ({why}): pass a branch, a tag or HEAD (e.g. --track-branch main)";
    }

    static string? Why(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        if (name[0] == '-')
            return "it starts with '-'";
        if (name == "@")
            return "'@' alone";
        if (name.Any(c => c < 0x20 || c == 0x7f || c is ' ' or '~' or '^' or ':' or '?' or '*' or '[' or '\\'))
            return "it holds a space, a control character or one of ~^:?*[\\";
        if (name.Contains("..") || name.Contains("@{") || name.Contains("//"))
            return "it holds '..', '@{' or '//'";
        if (name[0] == '/' || name[^1] == '/' || name[^1] == '.')
            return "it starts or ends with '/', or ends with '.'";
        if (name.Split('/').Any(part => part.StartsWith('.') || part.EndsWith(".lock", StringComparison.Ordinal)))
            return "a part starts with '.' or ends with '.lock'";
        return null;
    }
}
