namespace MaskBench.Foundation.Text;

/// <summary>
/// A path glob over the tree, as bash with <c>globstar</c> reads it: <c>**/</c> is any number of folders (none
/// included), <c>*</c> and <c>?</c> stay within one path component. <c>**/*.py</c> matches <c>setup.py</c> and <c>a/b/c.py</c>.
/// Matched directly, not through <c>Regex</c>: every recipe's globs are checked when the recipes load, on every start-up.
/// </summary>
static class Glob
{
    public static bool Matches(string glob, string path) => Match(glob, 0, path, 0);

    static bool Match(string glob, int g, string path, int p)
    {
        while (g < glob.Length)
        {
            if (glob[g] == '*' && g + 1 < glob.Length && glob[g + 1] == '*')
            {
                if (g + 2 < glob.Length && glob[g + 2] == '/') // **/: no folder, or one more folder and **/ again
                {
                    var slash = path.IndexOf('/', p);
                    return Match(glob, g + 3, path, p) || (slash > p && Match(glob, g, path, slash + 1));
                }
                for (var end = p; end <= path.Length; end++) // ** elsewhere: anything, slashes included
                    if (Match(glob, g + 2, path, end))
                        return true;
                return false;
            }
            if (glob[g] == '*')
            {
                for (var end = p; end <= path.Length && (end == p || path[end - 1] != '/'); end++)
                    if (Match(glob, g + 1, path, end))
                        return true;
                return false;
            }
            if (p >= path.Length || path[p] == '/' && glob[g] == '?' || glob[g] != '?' && glob[g] != path[p])
                return false;
            g++;
            p++;
        }
        return p == path.Length;
    }
}
