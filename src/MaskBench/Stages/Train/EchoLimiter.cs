using MaskBench.Model;
using Serilog;

namespace MaskBench.Stages.Train;

/// <summary>Echoes a training's lines to the console at <c>--verbosity verbose</c> (at the others, MaskBench's own
/// progress line stands for them, and a failure shows the last lines), at most <paramref name="perSecond"/> a second: a trainer
/// printing 100k lines a second is not slowed by the console, and the log file keeps every line. The number of lines
/// left out is said once a second (and at the end).</summary>
sealed class EchoLimiter(string id, int perSecond)
{
    long second = -1;
    int shown;
    long skipped;

    public void Offer(ArrivedLine line)
    {
        var now = (long)Math.Floor(line.Seconds);
        if (now != second)
        {
            Report();
            second = now;
            shown = 0;
        }
        if (shown < perSecond)
        {
            shown++;
            Log.Debug("{Id} | {Line:l}", id, line.Text);
        }
        else
            skipped++;
    }

    public void Report()
    {
        if (skipped == 0)
            return;
        Log.Debug(
            "{Id}: {Skipped} more lines were not echoed (at most {PerSecond} a second are; {Log} keeps every line)",
            id,
            skipped,
            perSecond,
            RunFiles.Log
        );
        skipped = 0;
    }
}
