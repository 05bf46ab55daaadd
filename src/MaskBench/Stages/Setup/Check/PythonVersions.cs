namespace MaskBench.Stages.Setup.Check;

/// <summary>Enough of PEP 440 to tell whether a Python version (<c>3.7</c>) meets a <c>requires_python</c>
/// (<c>&gt;=3.6, !=3.0.*</c>); a clause it cannot read counts as met.</summary>
static class PythonVersions
{
    public static bool Satisfies(string python, string requires) =>
        requires.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).All(clause => Meets(python, clause));

    static bool Meets(string python, string clause)
    {
        var op = new string(clause.TakeWhile(c => c is '<' or '>' or '=' or '!' or '~').ToArray());
        var text = clause[op.Length..].Trim();
        if (text.EndsWith(".*", StringComparison.Ordinal))
        {
            var prefixMatch = (python + ".").StartsWith(text[..^1], StringComparison.Ordinal);
            return op == "!=" ? !prefixMatch : op != "==" || prefixMatch;
        }
        if (Parse(text) is not { } bound)
            return true;
        var compared = Compare(Parse(python)!, bound);
        return op switch
        {
            ">=" => compared >= 0,
            ">" => compared > 0,
            "<=" => compared <= 0,
            "<" => compared < 0,
            "==" => compared == 0,
            "!=" => compared != 0,
            "~=" => compared >= 0,
            _ => true,
        };
    }

    static int[]? Parse(string version)
    {
        var parts = version.Split('.').Select(p => int.TryParse(p, out var n) ? n : (int?)null).ToList();
        return parts.All(p => p is not null) && parts.Count > 0 ? parts.Select(p => p!.Value).ToArray() : null;
    }

    /// <summary>Compares on the shorter length (Python <c>3.7</c> against <c>3.7.1</c> counts as equal).</summary>
    static int Compare(int[] a, int[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
            if (a[i] != b[i])
                return a[i].CompareTo(b[i]);
        return 0;
    }
}
