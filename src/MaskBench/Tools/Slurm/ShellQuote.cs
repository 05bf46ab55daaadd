using System.Text.RegularExpressions;

namespace MaskBench.Tools.Slurm;

/// <summary>Quotes arguments for a POSIX shell (the batch script's bash), so that each one reaches the program as
/// exactly one argument, whatever it holds: spaces, quotes, <c>$</c>, backticks, globs, newlines.</summary>
internal static partial class ShellQuote
{
    /// <summary>A word left bare because no shell reads anything special into it.</summary>
    [GeneratedRegex("^[A-Za-z0-9_./:=@%+,-]+$")]
    private static partial Regex Plain();

    /// <summary>One argument: bare when plain, else in single quotes, where nothing is special but the quote itself
    /// (written <c>'\''</c>: close, an escaped quote, reopen).</summary>
    public static string Quote(string argument)
    {
        if (argument.Contains('\0'))
            throw new SlurmException("an argument of the job's command holds a NUL character, which no shell argument can carry");
        if (Plain().IsMatch(argument) && !argument.StartsWith('=') && !argument.StartsWith('~'))
            return argument;
        return "'" + argument.Replace("'", "'\\''") + "'";
    }

    /// <summary>A whole command line: every argument quoted, joined by spaces.</summary>
    public static string Join(IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote));
}
