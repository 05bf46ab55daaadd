# The recipe of an implementation that is the fake trainer (tests/fake-trainer) in a local git repository, for the
# measuring scripts that need one (bench-bisect-chain.sh, bench-slurm-sweep.sh); sourced, not run.
# Usage: fake_recipe ID REPOSITORY PIN 'COMMAND ITEMS' > recipes/ID.json, where the items are the command's JSON
# strings before --sleep-scale (e.g. '"python", "train.py"'); the trainer sleeps for its time and runs 60 iterations.
fake_recipe() {
  local id="$1" repository="$2" pin="$3" command="$4"
  cat <<JSON
{
  "id": "$id", "name": "${id^}", "framework": "none", "published": null,
  "source": { "repository": "$repository", "pin": "$pin", "reference": null, "mirror": "fake/$id" },
  "patches": [],
  "environment": { "recipe": null, "stack": {}, "build": [] },
  "variables": { "PYTHONUNBUFFERED": "1" },
  "workingDirectory": ".",
  "command": [$command, "--sleep-scale", "1", "--iterations", "60", "--output", "{output}"],
  "settings": { "batch": "2" },
  "stop": { "mode": "watch", "arguments": [], "explanation": "stopped once the window is seen" },
  "images": { "setting": "batch" },
  "log": { "format": "maskrcnn-benchmark", "stream": "stdout", "preciseFile": null, "timeMeaning": "t", "formula": "f" },
  "data": { "year": "2017", "required": [], "links": {}, "prepare": [] },
  "weights": [],
  "failures": [],
  "fullScheduleIterations": 60,
  "notes": []
}
JSON
}
