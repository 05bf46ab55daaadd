namespace MaskBench.Tests.Chain;

/// <summary>The recipe of the fake trainer that chain specs write into a temporary MaskBench root: its upstream and pin,
/// how Setup checks it, and the training command (maskrcnn-benchmark's log format, 60 iterations, stopped once the window
/// is seen).</summary>
static class FakeRecipe
{
    /// <param name="build">Setup's command as JSON list items, e.g. <c>"python", "build_check.py"</c>; empty: none.</param>
    /// <param name="command">The training command's JSON list items before <c>--sleep-scale</c>.</param>
    /// <param name="extra">More JSON list items appended to the command.</param>
    public static string Json(string upstream, string pin, int images, string build, string command, string extra = "") =>
        $$"""
            {
              "id": "fake", "name": "Fake", "framework": "none", "published": null,
              "source": { "repository": "{{upstream}}", "pin": "{{pin}}", "reference": null, "mirror": "fake/fake" },
              "patches": [],
              "environment": { "recipe": null, "stack": {}, "build": [{{build}}] },
              "variables": { "PYTHONUNBUFFERED": "1" },
              "workingDirectory": ".",
              "command": [{{command}}, "--sleep-scale", "1", "--iterations", "60", "--output", "{output}"{{extra}}],
              "settings": { "batch": "{{images}}" },
              "stop": { "mode": "watch", "arguments": [], "explanation": "stopped once the window is seen" },
              "images": { "setting": "batch" },
              "log": { "format": "maskrcnn-benchmark", "stream": "stdout", "preciseFile": null, "timeMeaning": "t", "formula": "f" },
              "data": { "year": "2017", "required": [], "links": {}, "prepare": [] },
              "weights": [],
              "failures": [{ "kind": "crash", "pattern": "simulated crash" }],
              "fullScheduleIterations": 60,
              "notes": []
            }
            """;
}
