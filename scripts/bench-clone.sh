#!/usr/bin/env bash
# Bytes and time to get one pinned commit the way Clone-<Id> does (git fetch --depth 1 by hash), against a full
# clone of the same repository, both from a git daemon on loopback. Every variant ends with the pin checked out.
#   usage: scripts/bench-clone.sh <local repository with long history> [pin, default HEAD~100] [runs, default 3]
set -euo pipefail

repository=$(cd "${1:?give a local git repository (bare or not) with a long history}" && pwd)
pin_spec=${2:-HEAD~100}
runs=${3:-3}
pin=$(git --git-dir="$(git -C "$repository" rev-parse --absolute-git-dir 2>/dev/null || echo "$repository")" rev-parse --verify "$pin_spec^{commit}")

scratch=$(mktemp -d -t maskbench-bench-clone-XXXXXX)
daemon_pid=""
cleanup() {
    [[ -n "$daemon_pid" ]] && kill "$daemon_pid" 2>/dev/null && wait "$daemon_pid" 2>/dev/null
    rm -rf "$scratch"
}
trap cleanup EXIT

# Serve a bare copy, so the repository given is never touched.
git clone --quiet --mirror "$repository" "$scratch/served/repo.git"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
git daemon --reuseaddr --listen=127.0.0.1 --port="$port" --base-path="$scratch/served" --export-all \
    --informative-errors "$scratch/served" 2>"$scratch/daemon.log" &
daemon_pid=$!
url="git://127.0.0.1:$port/repo.git"
for _ in $(seq 50); do git ls-remote "$url" HEAD >/dev/null 2>&1 && break; sleep 0.1; done

commits=$(git --git-dir="$scratch/served/repo.git" rev-list --all --count)
echo "repository: $repository ($commits commits on all refs), pin $pin, served at $url, git $(git --version | cut -d' ' -f3)"

now() { date +%s.%N; }
objects_bytes() { du -sb "$1" | cut -f1; }

measure() { # name, command...
    local name=$1; shift
    for run in $(seq "$runs"); do
        rm -rf "$scratch/target"
        local start; start=$(now)
        "$@" >/dev/null 2>"$scratch/err" || { echo "$name failed:"; cat "$scratch/err"; exit 1; }
        local end; end=$(now)
        local bytes; bytes=$(objects_bytes "$scratch/target/.git/objects")
        printf '%-28s run %d: %6.3f s  %12d bytes in objects/\n' "$name" "$run" "$(echo "$end - $start" | bc)" "$bytes"
    done
}

full_clone() {
    git clone --quiet --no-checkout "$url" "$scratch/target" &&
        git -C "$scratch/target" -c advice.detachedHead=false checkout --quiet "$pin"
}
pinned_fetch() { # the commands CommitFetcher runs for a full 40-digit pin
    git init --quiet "$scratch/target" &&
        git -C "$scratch/target" fetch --quiet --no-tags --depth 1 -- "$url" "+$pin:refs/maskbench/pin" &&
        git -C "$scratch/target" -c advice.detachedHead=false checkout --quiet "$pin"
}
full_fetch_of_refs() { # what an abbreviated pin costs: every branch and tag, full history
    git init --quiet "$scratch/target" &&
        git -C "$scratch/target" fetch --quiet --no-tags -- "$url" \
            '+refs/heads/*:refs/maskbench/heads/*' '+refs/tags/*:refs/maskbench/tags/*' &&
        git -C "$scratch/target" -c advice.detachedHead=false checkout --quiet "$pin"
}

measure "full clone" full_clone
measure "abbreviated pin: all refs" full_fetch_of_refs
measure "full pin: --depth 1 by hash" pinned_fetch
