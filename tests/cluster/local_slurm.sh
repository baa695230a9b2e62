#!/usr/bin/env bash
# A single-node Slurm cluster on this machine for tests, from Debian's slurm-wlm and munge (installed by
# scripts/setup): munged, slurmctld and slurmd with their own configuration, state and sockets in one
# folder, on 127.0.0.1 and ports of their own, so nothing of the machine's own configuration is touched.
# Source it, then: local_slurm_start DIR (exports SLURM_CONF), local_slurm_stop DIR. DIR's path must
# contain "hsim-slurm-" (as from `mktemp -d -t hsim-slurm-XXXXXX`): daemons left by a killed test are
# recognised by it.

local_slurm_start() {
  local dir=$1
  # Daemons of an earlier test that was killed (a timeout sends SIGKILL, which no trap sees) hold the ports.
  pkill -9 -f 'hsim-slurm-[^ ]*/(slurm\.conf|munge/munge\.socket)' 2>/dev/null || true
  pkill -9 -x slurmstepd 2>/dev/null || true
  sleep 0.5
  mkdir -p "$dir/state" "$dir/spool" "$dir/munge"
  chmod 700 "$dir/munge"
  # munged keeps its key private to its user; a copy of the machine's key (or a fresh one) serves here.
  dd if=/dev/urandom bs=1 count=1024 of="$dir/munge/munge.key" status=none
  chmod 400 "$dir/munge/munge.key"
  local munge_user
  munge_user=$(id -un)
  /usr/sbin/munged --force --socket="$dir/munge/munge.socket" --key-file="$dir/munge/munge.key" \
    --pid-file="$dir/munge/munged.pid" --log-file="$dir/munge/munged.log" --seed-file="$dir/munge/munge.seed"

  local node
  node=$(/usr/sbin/slurmd -C | head -n 1)
  local host
  host=$(hostname -s)
  cat >"$dir/slurm.conf" <<CONF
ClusterName=hsimtest
SlurmctldHost=$host(127.0.0.1)
SlurmUser=$munge_user
SlurmdUser=root
AuthType=auth/munge
AuthInfo=socket=$dir/munge/munge.socket
CredType=cred/munge
SlurmctldPort=16817
SlurmdPort=16818
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/slurmctld.log
SlurmdLogFile=$dir/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
MpiDefault=none
ReturnToService=2
$node NodeAddr=127.0.0.1 State=UNKNOWN
PartitionName=test Nodes=ALL Default=YES MaxTime=INFINITE State=UP
CONF
  export SLURM_CONF="$dir/slurm.conf"
  /usr/sbin/slurmctld -c -f "$SLURM_CONF"
  /usr/sbin/slurmd -f "$SLURM_CONF"
  local tries
  for tries in $(seq 1 60); do
    if sinfo -h -o '%T' 2>/dev/null | grep -qE '^(idle|mixed|allocated)'; then return 0; fi
    sleep 1
  done
  echo "local Slurm did not come up; logs in $dir" >&2
  tail -n 20 "$dir/slurmctld.log" "$dir/slurmd.log" >&2 || true
  return 1
}

local_slurm_stop() {
  local dir=$1
  local file
  for file in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [[ -f $file ]] && kill "$(cat "$file")" 2>/dev/null || true
  done
  sleep 1
  for file in "$dir/slurmd.pid" "$dir/slurmctld.pid" "$dir/munge/munged.pid"; do
    [[ -f $file ]] && kill -9 "$(cat "$file")" 2>/dev/null || true
  done
}
