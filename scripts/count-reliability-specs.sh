#!/usr/bin/env bash
# Counts the suite's reliability specs by area, so that the README's figure can be made again:
#   scripts/count-reliability-specs.sh
# A spec is a test method ([Fact], [Theory] or a Fact attribute of the suite's own: [SlurmFact], [PodmanFact], …) in
# tests/MaskBench.Tests. An area is a set of spec files, or, for the areas that cut across folders, the specs whose
# names say what they are about; a spec may count in two areas (a Slurm spec about two builds at once).
set -euo pipefail
cd "$(dirname "$0")/../tests/MaskBench.Tests"

# The names of the specs in the given files, one a line: the method after each test attribute.
specs() {
  awk '/^[[:space:]]*\[[A-Za-z]*(Fact|Theory)[(\]]/ { wanted = 1; next }
       wanted && /public (async )?[A-Za-z<>]+ [A-Za-z0-9_]+\(/ { sub(/\(.*/, ""); print $NF; wanted = 0 }' "$@"
}

all() { specs $(find . -name '*Specs.cs' -not -path './bin/*' -not -path './obj/*' | sort); }

count() { grep -c '' || true; }

slurm=$(specs Slurm/*Specs.cs Chain/Slurm*Specs.cs | count)
telemetry=$(specs Telemetry/*Specs.cs | count)
inputs=$(specs Catalog/*Specs.cs Parsing/*Specs.cs Datasets/*Specs.cs Messages/*Specs.cs Engine/Parameter*Specs.cs | count)
concurrency=$(all | grep -E -i 'two_builds|another_build|at_the_same_time|side_by_side|in_flight|never_hold|busy|two_holders|running_at_once|run_at_once|parallel|concurren' | count)
security=$(all | grep -E -i 'escap|outside_the|link_out|symlink|inject|traversal|quote|refused_as_unsafe|credential|secret' | count)

printf '%-12s %5s\n' area specs
printf '%-12s %5d\n' slurm "$slurm" telemetry "$telemetry" inputs "$inputs" concurrency "$concurrency" security "$security"
printf '%-12s %5d\n' total $((slurm + telemetry + inputs + concurrency + security))
