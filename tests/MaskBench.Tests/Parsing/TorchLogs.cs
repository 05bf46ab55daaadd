using System.Text;
using static MaskBench.Tests.Parsing.LogScript;

namespace MaskBench.Tests.Parsing;

/// <summary>Test logs of the PyTorch and Caffe2 trainers, written from the formats in research/log-formats.md.</summary>
static class TorchLogs
{
    public static void Detectron2(LogScript s)
    {
        var o = s.Options;
        s.Line(s.Green("[05/14 12:00:00 d2.engine.train_loop]: ") + "Starting training from iteration 0");
        if (s.MissingData())
            return;
        double sum = 0;
        var count = 0;
        for (var i = 1; i <= o.Iterations; i++)
        {
            if (s.Step(i))
                return;
            var k = i - 1;
            if (k >= 2)
                (sum, count) = (sum + o.T(i), count + 1);
            if (o.IsNan(i))
            {
                s.Traceback($"FloatingPointError: Loss became infinite or NaN at iteration={k}!");
                return;
            }
            if ((k + 1) % 20 != 0 && i != o.Iterations)
                continue;
            s.Line(
                s.Green("[05/14 12:00:00 d2.utils.events]: ")
                    + $" eta: 0:01:00  iter: {k}  total_loss: 1.234  loss_cls: 0.456  "
                    + $"loss_mask: 0.693  time: {F(sum / count, "F4")}  data_time: 0.0100  lr: 0.000400  max_mem: 3400M"
            );
            s.OtherRanks("[W ProcessGroupNCCL.cpp:1569] Rank {rank}: a warning from another rank, iter: 5  time: 1.0000");
        }
    }

    public static void Mmcv(LogScript s)
    {
        var o = s.Options;
        var json = new StringBuilder("{\"env_info\": \"sys.platform: linux\", \"seed\": null}\n");
        s.Line("2020-05-14 12:00:00,000 - mmdet - INFO - Start running, work_dir: ./work_dirs/mask_rcnn_r50_caffe_fpn_1x_coco");
        if (s.MissingData())
            return;
        var buffer = new List<double>();
        for (var i = 1; i <= o.Iterations; i++)
        {
            if (s.Step(i))
                return;
            buffer.Add(o.T(i));
            if (i % 50 != 0)
                continue;
            var loss = o.IsNan(i) ? "nan" : "2.8123";
            s.Line(
                $"2020-05-14 12:00:00,000 - mmdet - INFO - Epoch [1][{i}/7330]\tlr: 0.00797, eta: 10:01:02, time: {F(buffer.Average(), "F3")}, "
                    + $"data_time: 0.040, memory: 3912, loss_rpn_cls: 0.5123, loss_cls: 1.2345, acc: 88.1234, loss: {loss}"
            );
            json.Append(
                $"{{\"mode\": \"train\", \"epoch\": 1, \"iter\": {i}, \"lr\": 0.00797, \"time\": {F(Math.Round(buffer.Average(), 5), "0.#####")}, \"loss\": {(o.IsNan(i) ? "NaN" : "2.81234")}}}\n"
            );
            s.File("20200514_120000.log.json", json.ToString());
            s.OtherRanks("2020-05-14 12:00:00,000 - mmdet - WARNING - rank {rank}: the time: 9.999 of another rank");
            buffer.Clear();
        }
    }

    public static void MaskrcnnBenchmark(LogScript s)
    {
        var o = s.Options;
        s.Line("2020-05-14 12:00:00,000 maskrcnn_benchmark.trainer INFO: Start training");
        if (s.MissingData())
            return;
        var times = new List<double>();
        var pending = 0.0;
        for (var i = 1; i <= o.Iterations; i++)
        {
            if (s.Step(i))
                return;
            if (o.SkipBatchAt == i)
            {
                s.Line(
                    $"2020-05-14 12:00:00,000 maskrcnn_benchmark.trainer ERROR: Iteration={i} || Image Ids used for training (1, 2) || targets Length=[0, 0]"
                );
                pending += o.T(i);
                continue;
            }
            times.Add(o.T(i) + pending);
            pending = 0;
            if (i % 20 != 0 && i != o.Iterations)
                continue;
            var recent = times.TakeLast(20).Order().ToList();
            var median = recent.Count % 2 == 1 ? recent[recent.Count / 2] : (recent[recent.Count / 2 - 1] + recent[recent.Count / 2]) / 2;
            var loss = o.IsNan(i) ? "nan (nan)" : "2.1234 (2.5678)";
            s.Line(
                $"2020-05-14 12:00:00,000 maskrcnn_benchmark.trainer INFO: eta: 9:01:02  iter: {i}  loss: {loss}  loss_mask: 0.6900 (0.6920)  "
                    + $"time: {F(median, "F4")} ({F(times.Average(), "F4")})  data: 0.0100 (0.0500)  lr: 0.007173  max mem: 3150"
            );
        }
    }

    public static void Detectron(LogScript s)
    {
        var o = s.Options;
        s.Line("INFO train.py: 100: Loading dataset: ('coco_2014_train', 'coco_2014_valminusminival')");
        if (s.MissingData())
            return;
        var timer = new List<double>();
        for (var i = 1; i <= o.Iterations; i++)
        {
            if (
                s.Step(
                    i,
                    "RuntimeError: [enforce fail at context_gpu.cu:415] error == cudaSuccess. 2 vs 0. Error at: context_gpu.cu:415: out of memory"
                )
            )
                return;
            var j = i - 1;
            timer.Add(o.T(i));
            if (j % 20 != 0 && j != o.Iterations - 1)
                continue;
            var loss = o.IsNan(i) ? "nan" : "2.123456";
            s.Line(
                $"json_stats: {{\"accuracy_cls\": \"0.812500\", \"eta\": \"19:35:12\", \"iter\": {j}, \"loss\": \"{loss}\", \"loss_mask\": \"0.693147\", "
                    + $"\"lr\": \"0.007333\", \"mb_qsize\": 64, \"mem\": 9092, \"time\": \"{F(timer.Average(), "F6")}\"}}"
            );
            if (o.IsNan(i))
            {
                s.Line("CRITICAL train.py:  98: Loss is NaN");
                s.Traceback("Exception: Loss is NaN");
                return;
            }
            if (j == 20)
                timer.Clear();
        }
    }
}
