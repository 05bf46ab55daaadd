#!/usr/bin/env bash
# Look at the reports as a person would: writes sample pages and charts (scripts/render-pages.cs: benchmark.html and
# .svg, the over-time index and charts, a bisect chart) and screenshots each in headless Chromium.
# Usage: scripts/render-pages.sh [FOLDER]   (default artifacts/render-pages; PNGs in FOLDER/png/)
# Needs chromium (Debian: apt-get install -y chromium). Not part of the test suite: run it and look.
set -euo pipefail
cd "$(dirname "$0")/.."
folder="$(realpath -m "${1:-artifacts/render-pages}")"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "render-pages: no chromium on PATH (apt-get install -y chromium)" >&2; exit 2; }
rm -rf "$folder"
dotnet run --file scripts/render-pages.cs -- "$folder" >/dev/null
mkdir -p "$folder/png"
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
shoot() { # page, png name, width, height
  "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --user-data-dir="$profile" \
    --window-size="$3,$4" --screenshot="$folder/png/$2.png" "file://$folder/$1" >/dev/null 2>&1
  echo "$folder/png/$2.png"
}
shoot benchmark.html benchmark-html 1100 1900
shoot benchmark.svg benchmark-svg 780 430
shoot over-time/index.html over-time-index 1100 1100
shoot over-time/8xV100/detectron2.svg over-time-detectron2 780 360
shoot over-time/8xV100/torchvision.svg over-time-torchvision 780 360
shoot bisect/detectron2.svg bisect 780 360
