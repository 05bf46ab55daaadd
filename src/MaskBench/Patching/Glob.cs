using System.Text;
using System.Text.RegularExpressions;

namespace MaskBench.Patching;

/// <summary>
/// A path glob over the tree, as bash with <c>globstar</c> reads it: <c>**/</c> is any number of folders (none
/// included), <c>*</c> and <c>?</c> stay within one path component. <c>**/*.py</c> matches <c>setup.py</c> and <c>a/b/c.py</c>.
/// </summary>
static class Glob
{
    public static Regex ToRegex(string glob)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < glob.Length; i++)
        {
            if (glob[i] == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                pattern.Append(slash ? "(?:[^/]+/)*" : ".*");
                i += slash ? 2 : 1;
            }
            else if (glob[i] == '*')
                pattern.Append("[^/]*");
            else if (glob[i] == '?')
                pattern.Append("[^/]");
            else
                pattern.Append(Regex.Escape(glob[i].ToString()));
        }
        return new Regex(pattern.Append('$').ToString(), RegexOptions.CultureInvariant);
    }
}
