#!/usr/bin/env bash
# Starts a single-node Slurm on this machine for MaskBench's tests and benchmarks, as root. Idempotent: when the
# cluster already answers with a node in service, it says so and does nothing. Debian 12: apt-get install slurm-wlm munge.
#  - everything lives in $MASKBENCH_SLURM_DIR (default /var/tmp/maskbench-slurm); nothing under /etc/slurm changes;
#    clients find the cluster through SLURM_CONF=$MASKBENCH_SLURM_DIR/slurm.conf (printed on the last line)
#  - 8 fake GPUs (gres gpu:fake:8) as character devices made with mknod (bookkeeping only: no cgroups), 8 CPUs
#    declared whatever the machine has (config_overrides), MinJobAge=30 so that squeue keeps finished jobs 30 s
#  - no accounting (sacct says "accounting storage is disabled"): the executor must work from squeue alone
set -euo pipefail

# The daemons outlive this script: they must not inherit its caller's descriptors (a `flock` lock of a test run would
# then stay held by munged for ever), so everything above stderr is closed first.
for fd in /proc/$$/fd/*; do
  fd="${fd##*/}"
  [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null || true
done

DIR="${MASKBENCH_SLURM_DIR:-/var/tmp/maskbench-slurm}"
CONF="$DIR/slurm.conf"
CTLD_PORT="${MASKBENCH_SLURM_PORT:-6817}"
export SLURM_CONF="$CONF"
say() { echo "start-test-slurm.sh: $*"; }

if [ "$(id -u)" -ne 0 ]; then
  say "run as root (it starts munged, slurmctld and slurmd)" >&2
  exit 1
fi
for program in munged slurmctld slurmd sinfo; do
  command -v "$program" >/dev/null || { say "$program is not installed: apt-get install slurm-wlm munge" >&2; exit 1; }
done

# --restart-controller: stop slurmctld and start it again on its saved state (jobs survive), as a site's restart would.
if [ "${1:-}" = "--restart-controller" ]; then
  [ -f "$DIR/slurmctld.fg.pid" ] || { say "no controller of this script to restart in $DIR" >&2; exit 1; }
  pid="$(cat "$DIR/slurmctld.fg.pid")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  sleep "${MASKBENCH_SLURM_DOWNTIME:-2}"
  nohup slurmctld -D >>"$DIR/log/slurmctld.stdout" 2>&1 &
  echo $! >"$DIR/slurmctld.fg.pid"
  say "restarted slurmctld (pid $(cat "$DIR/slurmctld.fg.pid")) on its saved state"
  exit 0
fi

# Up already (idle, or running jobs of an earlier start: a fresh start would drop them): nothing to do.
if [ -f "$CONF" ] && timeout 5 sinfo -h -o '%T' 2>/dev/null | grep -Eqx 'idle|mixed|allocated|completing'; then
  say "the cluster in $DIR is already up: $(sinfo -h -o '%N %T %G')"
  echo "SLURM_CONF=$CONF"
  exit 0
fi

mkdir -p "$DIR/state" "$DIR/spool" "$DIR/log" "$DIR/dev"
for i in 0 1 2 3 4 5 6 7; do
  [ -c "$DIR/dev/nvidia$i" ] || mknod "$DIR/dev/nvidia$i" c 195 "$i"
done

cat > "$CONF.tmp" <<CONF
ClusterName=maskbench
SlurmctldHost=localhost
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$DIR/state
SlurmdSpoolDir=$DIR/spool
SlurmctldPidFile=$DIR/slurmctld.pid
SlurmdPidFile=$DIR/slurmd.pid
SlurmctldLogFile=$DIR/log/slurmctld.log
SlurmdLogFile=$DIR/log/slurmd.log
SlurmctldPort=$CTLD_PORT
SlurmdPort=$((CTLD_PORT + 1))
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
SchedulerType=sched/backfill
SchedulerParameters=sched_interval=5
MpiDefault=none
ReturnToService=2
MinJobAge=30
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/filetxt
JobCompLoc=$DIR/log/jobcomp.txt
GresTypes=gpu
SlurmdParameters=config_overrides
SlurmctldDebug=info
SlurmdDebug=info
NodeName=localhost NodeHostname=localhost NodeAddr=127.0.0.1 CPUs=8 RealMemory=64000 Gres=gpu:fake:8 State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
mv "$CONF.tmp" "$CONF"
cat > "$DIR/gres.conf" <<CONF
AutoDetect=off
Name=gpu Type=fake File=$DIR/dev/nvidia[0-7]
CONF
say "wrote $CONF and $DIR/gres.conf (8 fake GPUs in $DIR/dev)"

mkdir -p /run/munge && chown munge:munge /run/munge
if munge -n >/dev/null 2>&1; then
  say "munged is running"
else
  runuser -u munge -- /usr/sbin/munged
  say "started munged"
fi

# A controller or node daemon of an earlier start that no longer answers: stop it before starting fresh ones.
for daemon in slurmctld slurmd; do
  if [ -f "$DIR/$daemon.fg.pid" ] && kill -0 "$(cat "$DIR/$daemon.fg.pid")" 2>/dev/null; then
    kill "$(cat "$DIR/$daemon.fg.pid")" 2>/dev/null || true
    sleep 1
  fi
done
nohup slurmctld -D -c >"$DIR/log/slurmctld.stdout" 2>&1 &
echo $! >"$DIR/slurmctld.fg.pid"
nohup slurmd -D -N localhost >"$DIR/log/slurmd.stdout" 2>&1 &
echo $! >"$DIR/slurmd.fg.pid"
say "started slurmctld (pid $(cat "$DIR/slurmctld.fg.pid")) and slurmd (pid $(cat "$DIR/slurmd.fg.pid"))"

for _ in $(seq 1 300); do
  if timeout 5 sinfo -h -o '%T' 2>/dev/null | grep -qx idle; then
    say "node localhost is idle: $(sinfo -h -o '%N %T %c CPUs %G')"
    echo "SLURM_CONF=$CONF"
    exit 0
  fi
  sleep 0.1
done
say "the node did not become idle within 30 s; see $DIR/log/slurmctld.log and $DIR/log/slurmd.log" >&2
tail -n 5 "$DIR/log/slurmctld.log" "$DIR/log/slurmd.log" >&2 || true
exit 1
