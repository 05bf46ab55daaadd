using System.Text;
using static MaskBench.Tests.Parsing.LogScript;

namespace MaskBench.Tests.Parsing;

/// <summary>Test logs of the TensorFlow and MXNet trainers, written from the formats in research/log-formats.md.</summary>
static class OtherLogs
{
    const string TensorflowOom =
        "tensorflow.python.framework.errors_impl.ResourceExhaustedError: OOM when allocating tensor with shape[2,256,200,336]";
    const int StepsPerEpoch = 50;

    public static void Tensorpack(LogScript s)
    {
        var o = s.Options;
        var stats = new List<string>();
        s.Line(s.Green("[1003 18:17:00 @base.py:250]") + " Start training with global_step=0");
        if (s.MissingData())
            return;
        for (var epoch = 1; epoch * StepsPerEpoch <= o.Iterations; epoch++)
        {
            s.Line(s.Green("[1003 18:17:00 @base.py:275]") + $" Start Epoch {epoch} ...");
            s.OtherRanks(s.Green("[1003 18:17:00 @base.py:275]") + $" Start Epoch {epoch} ...");
            var first = (epoch - 1) * StepsPerEpoch + 1;
            for (var i = first; i < first + StepsPerEpoch; i++)
                if (s.Step(i, TensorflowOom))
                    return;
            var seconds = o.Sum(first, first + StepsPerEpoch - 1);
            var throughput = StepsPerEpoch * o.Images / seconds;
            var finished = $" Epoch {epoch} (global_step {epoch * StepsPerEpoch}) finished, time:{F(seconds, "G3")} seconds.";
            s.Line(s.Green("[1003 18:17:10 @base.py:285]") + finished);
            s.OtherRanks(s.Green("[1003 18:17:10 @base.py:285]") + finished);
            s.Advance(0.5);
            var cost = o.IsNan(first + StepsPerEpoch - 1) ? "nan" : "1.2345";
            s.Line(s.Green("[1003 18:17:10 @monitor.py:474]") + " QueueInput/queue_size: 50");
            s.Line(s.Green("[1003 18:17:10 @monitor.py:474]") + $" Throughput (samples/sec): {F(throughput, "G5")}");
            s.Line(s.Green("[1003 18:17:10 @monitor.py:474]") + $" total_cost: {cost}");
            stats.Add(
                $"{{\"Throughput (samples/sec)\": {F(throughput, "R")}, \"total_cost\": 1.2345, \"epoch_num\": {epoch}, \"global_step\": {epoch * StepsPerEpoch}}}"
            );
            s.File("stats.json", "[\n" + string.Join(",\n", stats) + "\n]");
        }
    }

    public static void Speedometer(LogScript s)
    {
        var o = s.Options;
        s.Line("09-29 10:20:00 total iter 87960", "stderr");
        if (s.MissingData())
            return;
        for (var i = 1; i <= o.Iterations; i++)
        {
            if (s.Step(i, "mxnet.base.MXNetError: [10:20:12] src/storage/./pooled_storage_manager.h:157: cudaMalloc failed: out of memory"))
                return;
            var batch = i - 1;
            if (batch == 0 || batch % 10 != 0)
                continue;
            var speed = 10 * o.Images / o.Sum(batch - 8, batch + 1);
            var l1 = o.IsNan(i) ? "nan" : "0.512345";
            s.Line(
                $"09-29 10:20:12 Epoch[0] Batch [{batch}]\tSpeed: {F(speed, "F2")} samples/sec\tTrain-RpnAcc=0.912345,\tRpnL1={l1},\tRcnnAcc=0.812345,\tRcnnL1=1.012345,\t",
                "stderr"
            );
        }
    }

    public static void Keras(LogScript s)
    {
        var o = s.Options;
        s.Line("Checkpoint Path: /logs/coco20200514T1200/mask_rcnn_coco_{epoch:04d}.h5");
        if (s.MissingData())
            return;
        for (var epoch = 1; (epoch - 1) * StepsPerEpoch < o.Iterations; epoch++)
        {
            s.Line($"Epoch {epoch}/40");
            var start = s.Clock;
            var redraw = new StringBuilder();
            for (var step = 1; step <= StepsPerEpoch && (epoch - 1) * StepsPerEpoch + step <= o.Iterations; step++)
            {
                var i = (epoch - 1) * StepsPerEpoch + step;
                if (s.Step(i, TensorflowOom))
                    return;
                var loss = o.IsNan(i) ? "nan" : "2.9012";
                var text =
                    step < StepsPerEpoch
                        ? $"{step, 2}/{StepsPerEpoch} [{new string('=', step * 30 / StepsPerEpoch)}>{new string('.', 29 - step * 30 / StepsPerEpoch)}] - ETA: {StepsPerEpoch - step}s - loss: {loss} - rpn_class_loss: 0.1011"
                        : $"{step}/{StepsPerEpoch} [{new string('=', 30)}] - {F(Math.Round(s.Clock - start, MidpointRounding.ToEven), "F0")}s {PerStep((s.Clock - start) / StepsPerEpoch)} - loss: {loss} - rpn_class_loss: 0.1011";
                if (!o.Redraw)
                    s.Line(text);
                else
                {
                    redraw.Append(new string('\b', 120)).Append('\r').Append(text);
                    if (step == StepsPerEpoch)
                        s.Line(redraw.ToString());
                }
            }
            s.Advance(0.8);
        }
    }

    static string PerStep(double seconds) => seconds >= 1 ? $"{F(seconds, "F0")}s/step" : $"{F(seconds * 1000, "F0")}ms/step";
}
