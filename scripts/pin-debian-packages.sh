#!/usr/bin/env bash
# Regenerates environments/base/cuda-torch-trixie.packages: the "top:" packages of that file and the whole closure apt
# resolves for them on the root image (--no-install-recommends), each pinned name=version, from the archive of today.
# Usage: sudo bash scripts/pin-debian-packages.sh [ROOT_IMAGE]   (default: the root Setup made from debian-trixie.json)
set -euo pipefail
cd "$(dirname "$0")/.."
export CONTAINERS_CONF="${CONTAINERS_CONF:-/etc/maskbench/containers.conf}"
FILE=environments/base/cuda-torch-trixie.packages
IMAGE="${1:-localhost/maskbench/debian:trixie-13.8-minbase}"
podman image exists "$IMAGE" || { echo "pin-debian-packages.sh: $IMAGE is missing: run ./build.sh Setup-Detectron2 --stacks current once (it makes the root)" >&2; exit 1; }
mapfile -t top < <(sed -n 's/^# top: //p' "$FILE")
[ "${#top[@]}" -gt 0 ] || { echo "pin-debian-packages.sh: $FILE lists no '# top:' package" >&2; exit 1; }
pins="$(podman run --rm --network=host "$IMAGE" sh -c 'apt-get update -qq && apt-get install -s --no-install-recommends "$@"' sh "${top[@]}" \
  | sed -n 's/^Inst \([^ ]*\) (\([^ ]*\) .*/\1=\2/p' | sort)"
[ -n "$pins" ] || { echo "pin-debian-packages.sh: apt resolved nothing for: ${top[*]}" >&2; exit 1; }
{ grep '^#' "$FILE"; echo "$pins"; } >"$FILE.tmp" && mv "$FILE.tmp" "$FILE"
echo "pin-debian-packages.sh: $(echo "$pins" | wc -l) packages pinned in $FILE"
