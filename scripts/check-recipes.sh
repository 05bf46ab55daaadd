#!/usr/bin/env bash
# Runs Check over the real recipes (all, or the ids given) and prints its table, the time per recipe and the bytes
# received; CHECK_STACK=current checks the current stacks. Exit status 1 when a reference is missing or unreachable.
# Usage: scripts/check-recipes.sh [id ...]
set -euo pipefail
cd "$(dirname "$0")/.."
exec dotnet run --file scripts/check-recipes.cs -- "$@"
