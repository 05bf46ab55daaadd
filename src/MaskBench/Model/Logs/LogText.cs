using System.Text;

namespace MaskBench.Model.Logs;

/// <summary>Turns raw captured output into the text a parser reads.</summary>
static class LogText
{
    /// <summary>
    /// The pieces of one captured line as a terminal would have shown them in turn: ANSI colour removed, split at
    /// the <c>\r</c> and <c>\b</c> of progress-bar redraws, empty pieces dropped.
    /// </summary>
    public static IEnumerable<string> Segments(string line)
    {
        if (line.Contains('\x1b'))
            line = StripAnsi(line);
        if (line.IndexOfAny(['\r', '\b']) < 0)
        {
            if (line.Length > 0)
                yield return line;
            yield break;
        }
        foreach (var piece in line.Split(['\r', '\b']))
            if (piece.Length > 0)
                yield return piece;
    }

    static string StripAnsi(string line)
    {
        var builder = new StringBuilder(line.Length);
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '\x1b' && i + 1 < line.Length && line[i + 1] == '[')
            {
                var j = i + 2;
                while (j < line.Length && (char.IsAsciiDigit(line[j]) || line[j] is ';' or '?'))
                    j++;
                if (j < line.Length && char.IsAsciiLetter(line[j]))
                {
                    i = j;
                    continue;
                }
            }
            builder.Append(line[i]);
        }
        return builder.ToString();
    }

    /// <summary>The longest line kept, in characters (1 MiB): the rest of a longer line is skipped, so memory stays
    /// bounded on a 200 MB line. No log line of any format comes near it.</summary>
    public const int MaxLine = 1 << 20;

    /// <summary>The lines of a file split at <c>\n</c> only (a <c>\r</c> is a redraw, not a line end), 1-based
    /// numbers; a final line without <c>\n</c> is kept; a line longer than <see cref="MaxLine"/> is cut to it and
    /// <paramref name="cut"/> is called. A cancelled <paramref name="cancellation"/> ends it between two blocks.</summary>
    public static IEnumerable<(int Number, string Text)> Lines(string path, Action? cut = null, CancellationToken cancellation = default)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, true, 1 << 16);
        var buffer = new char[1 << 16];
        var pending = new StringBuilder();
        var number = 0;
        var cutting = false;
        int read;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            cancellation.ThrowIfCancellationRequested();
            var start = 0;
            for (var i = Array.IndexOf(buffer, '\n', 0, read); i >= 0; i = Array.IndexOf(buffer, '\n', start, read - start))
            {
                Keep(pending, buffer, start, i - start, ref cutting, cut);
                yield return (++number, pending.ToString());
                pending.Clear();
                cutting = false;
                start = i + 1;
            }
            Keep(pending, buffer, start, read - start, ref cutting, cut);
        }
        if (pending.Length > 0)
            yield return (++number, pending.ToString());
    }

    static void Keep(StringBuilder pending, char[] buffer, int start, int count, ref bool cutting, Action? cut)
    {
        var room = MaxLine - pending.Length;
        if (count > room && !cutting)
        {
            cutting = true;
            cut?.Invoke();
        }
        pending.Append(buffer, start, Math.Min(count, room));
    }
}
