#!/usr/bin/env bash
# Stops the single-node Slurm that start-test-slurm.sh started (slurmctld and slurmd). munged stays: other
# programs of the machine may use it; stop it with kill $(cat /run/munge/munged.pid).
set -euo pipefail
DIR="${MASKBENCH_SLURM_DIR:-/var/tmp/maskbench-slurm}"
export SLURM_CONF="$DIR/slurm.conf"
say() { echo "stop-test-slurm.sh: $*"; }
if [ ! -f "$SLURM_CONF" ]; then
  say "no cluster in $DIR"
  exit 0
fi
timeout 10 scontrol shutdown >/dev/null 2>&1 || true
for daemon in slurmctld slurmd; do
  pidfile="$DIR/$daemon.fg.pid"
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then kill "$pid"; say "killed $daemon ($pid)"; else say "$daemon stopped"; fi
  rm -f "$pidfile"
done
