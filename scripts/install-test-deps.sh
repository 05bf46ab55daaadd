#!/usr/bin/env bash
# Installs what the Running/Environments tests need on a fresh Debian 12, as root. Idempotent.
#  - podman + runc (crun cannot run in cgroup-v1 hybrid sandboxes), busybox-static, debootstrap, python3 (the tests run it)
#  - /etc/maskbench/containers.conf: runc and ulimits that root without CAP_SYS_RESOURCE may set
#  - localhost/maskbench-test-python:bookworm-2 (bump the tag when this script changes the image), a Debian
#    minbase rootfs with python3, imported with `podman import` (no registry is needed)
set -euo pipefail

IMAGE="localhost/maskbench-test-python:bookworm-2"
CONF_DIR=/etc/maskbench
CONF="$CONF_DIR/containers.conf"

if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps.sh: run as root (it installs Debian packages and builds a podman image)" >&2
  exit 1
fi

missing=()
for pkg in podman runc catatonit busybox-static debootstrap uidmap python3; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
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
  echo "install-test-deps.sh: $IMAGE is present"
  exit 0
fi

mirror="$(sed -n 's/^URIs: *//p' /etc/apt/sources.list.d/debian.sources 2>/dev/null | head -n1)"
if [ -z "$mirror" ]; then
  mirror="$(awk '$1=="deb" && $3 ~ /^bookworm$/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

work="$(mktemp -d /var/tmp/maskbench-rootfs.XXXXXX)"
trap 'rm -rf "$work"' EXIT
debootstrap --variant=minbase --include=python3,procps bookworm "$work/root" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -n 30 "$work/debootstrap.log" >&2; echo "install-test-deps.sh: debootstrap from $mirror failed" >&2; exit 1; }
rm -rf "$work/root/var/cache/apt/archives/"*.deb "$work/root/var/lib/apt/lists/"*
tar -C "$work/root" -c . | podman import --change 'CMD ["/bin/bash"]' --change 'ENV PATH=/usr/local/bin:/usr/bin:/bin' - "$IMAGE"
echo "install-test-deps.sh: built $IMAGE"
