#!/usr/bin/env bash
# Shared body of the stand-in sbatch/squeue/sacct/scancel: replays a scripted sequence from $STANDIN_SLURM_DIR.
#  - every call appends "<program> <arguments>" to calls.log (and sbatch saves its environment in sbatch.env)
#  - call N prints line N of the file named after the program (the last line repeats once they run out;
#    no file: prints nothing, exit 0); "\n" in a line is a line break; a line "!<code> <text>" prints <text> on
#    stderr and exits <code>; a line "hang" never answers (a controller that hangs): the call writes its pid to
#    hung.pids and sleeps, holding no lock
#  - scancel adds its ids to cancelled; squeue then lists each of them as CANCELLED (as a real queue would)
set -euo pipefail
name="$1"
shift
dir="${STANDIN_SLURM_DIR:?the stand-in $name needs STANDIN_SLURM_DIR}"
exec 9>>"$dir/.lock"
flock 9
printf '%s %s\n' "$name" "$*" >>"$dir/calls.log"
[ "$name" = sbatch ] && env >"$dir/sbatch.env"
if [ "$name" = scancel ]; then
  for id in "$@"; do [[ "$id" == -* ]] || echo "$id" >>"$dir/cancelled"; done
fi
line=""
if [ -f "$dir/$name" ]; then
  count=$(( $(cat "$dir/$name.count" 2>/dev/null || echo 0) + 1 ))
  echo "$count" >"$dir/$name.count"
  total=$(grep -c '' "$dir/$name" || true)
  [ "$total" -eq 0 ] || line="$(sed -n "$(( count < total ? count : total ))p" "$dir/$name")"
fi
if [ "$line" = hang ]; then
  echo "$$" >>"$dir/hung.pids"
  exec 9>&-
  exec sleep 100000
fi
if [[ "$line" == '!'* ]]; then
  code="${line%% *}"
  printf '%b\n' "${line#* }" >&2
  exit "${code#!}"
fi
output="$(printf '%b' "$line")"
if [ "$name" = squeue ] && [ -f "$dir/cancelled" ]; then
  output="$(printf '%s\n' "$output" | awk -F'|' -v OFS='|' 'NR==FNR { c[$1]=1; next } ($1 in c) { $2="CANCELLED"; $3="None" } { print }' "$dir/cancelled" -)"
  while read -r id; do
    printf '%s\n' "$output" | grep -q "^$id|" || output="$(printf '%s\n%s|CANCELLED|None|0' "$output" "$id")"
  done <"$dir/cancelled"
fi
[ -z "$output" ] || printf '%s\n' "$output" | sed '/^$/d'
