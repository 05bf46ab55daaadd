#!/usr/bin/env bash
# Bootstraps and runs the MaskBench build, the way NUKE's build.sh does, with one difference: the build
# project is compiled only when its sources changed (published ReadyToRun, so it starts without waiting for
# the JIT), and the compiled program is run directly instead of through `dotnet run` or `dotnet build` on
# every call (scripts/bench-plan.sh measures both against a bare `dotnet hello.dll`).
set -eo pipefail

# (Every fork and exec on the way to the build costs start-up time: builtins only, one `find` when compiled.)
SCRIPT_DIR=${BASH_SOURCE[0]%/*}
[[ $SCRIPT_DIR == "${BASH_SOURCE[0]}" ]] && SCRIPT_DIR=.
SCRIPT_DIR=$(cd "$SCRIPT_DIR" >/dev/null 2>&1 && pwd)
TEMP_DIRECTORY="$SCRIPT_DIR/.nuke/temp"
BUILD_PROJECT_FILE="$SCRIPT_DIR/build/_build.csproj"
BUILD_OUTPUT="$TEMP_DIRECTORY/bin"
DOTNET_GLOBAL_FILE="$SCRIPT_DIR/global.json"
DOTNET_INSTALL_URL="https://dot.net/v1/dotnet-install.sh"
DOTNET_CHANNEL="STS"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_ROLL_FORWARD=Major
export NUKE_TELEMETRY_OPTOUT=1

# Everything the compiled build depends on, hashed; a change means compiling again.
sources_hash() {
    (cd "$SCRIPT_DIR" && {
        find build src -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) \
            -not -path '*/bin/*' -not -path '*/obj/*' -print0 | LC_ALL=C sort -z | xargs -0 sha1sum
        sha1sum global.json Directory.Build.props Directory.Packages.props build.sh
    } | sha1sum | cut -c1-40)
}

# Whether the compiled build is current. Hashing every source costs more than starting the build, so the hash
# is taken only when a source (or a folder, which changes when a file is added or removed) is newer than the
# last hash; a hash that still matches is touched, so the next call skips it again.
is_compiled() {
    [[ -f "$BUILD_OUTPUT/_build.dll" && -f "$TEMP_DIRECTORY/build.hash" && -f "$TEMP_DIRECTORY/dotnet.path" ]] || return 1
    read -r DOTNET_EXE <"$TEMP_DIRECTORY/dotnet.path" && [[ -x "$DOTNET_EXE" ]] || return 1
    local newer hash
    newer=$(find "$SCRIPT_DIR"/{build,src} "$SCRIPT_DIR"/{global.json,Directory.Build.props,Directory.Packages.props,build.sh} \
        \( -name bin -o -name obj \) -prune -o -newer "$TEMP_DIRECTORY/build.hash" -print -quit 2>/dev/null || true)
    [[ -z "$newer" ]] && return 0
    local checked=$(($(date +%s) - 1))
    read -r hash <"$TEMP_DIRECTORY/build.hash"
    [[ "$hash" == "$(sources_hash)" ]] || return 1
    touch -d "@$checked" "$TEMP_DIRECTORY/build.hash"
}

if is_compiled; then
    exec "$DOTNET_EXE" "$BUILD_OUTPUT/_build.dll" "$@"
fi
mkdir -p "$TEMP_DIRECTORY"

# One compile at a time; whoever waited finds the work done.
exec 9>"$TEMP_DIRECTORY/compile.lock"
flock 9
STARTED=$(($(date +%s) - 1)) # a source edited while compiling is newer than the hash written after it
HASH=$(sources_hash)
if [[ ! -f "$BUILD_OUTPUT/_build.dll" || "$(cat "$TEMP_DIRECTORY/build.hash" 2>/dev/null)" != "$HASH" ]]; then
    # The dotnet on PATH if it satisfies global.json (dotnet --version fails when it does not), else the pinned SDK.
    if [[ -x "$(command -v dotnet)" ]] && (cd "$SCRIPT_DIR" && dotnet --version) >/dev/null 2>&1; then
        DOTNET_EXE="$(command -v dotnet)"
    else
        DOTNET_DIRECTORY="$TEMP_DIRECTORY/dotnet-unix"
        DOTNET_EXE="$DOTNET_DIRECTORY/dotnet"
        if [[ ! -x "$DOTNET_EXE" ]]; then
            DOTNET_INSTALL_FILE="$TEMP_DIRECTORY/dotnet-install.sh"
            curl -Lsfo "$DOTNET_INSTALL_FILE" "$DOTNET_INSTALL_URL" || wget -qO "$DOTNET_INSTALL_FILE" "$DOTNET_INSTALL_URL" || {
                echo "error: no usable dotnet on PATH for $DOTNET_GLOBAL_FILE, and $DOTNET_INSTALL_URL cannot be downloaded; install the .NET SDK named there" >&2
                exit 2
            }
            chmod +x "$DOTNET_INSTALL_FILE"
            DOTNET_VERSION=$(perl -ne 'print $1 if /"version"\s*:\s*"([^"]*)"/' "$DOTNET_GLOBAL_FILE")
            if [[ -n "$DOTNET_VERSION" ]]; then
                "$DOTNET_INSTALL_FILE" --install-dir "$DOTNET_DIRECTORY" --version "$DOTNET_VERSION" --no-path
            else
                "$DOTNET_INSTALL_FILE" --install-dir "$DOTNET_DIRECTORY" --channel "$DOTNET_CHANNEL" --no-path
            fi
        fi
        export PATH="$DOTNET_DIRECTORY:$PATH"
    fi
    # What the wait is and how long it takes: the last compile's time here, else the first compile's usual one.
    if [[ -f "$BUILD_OUTPUT/_build.dll" ]]; then WHY="its sources changed"; else WHY="the first run here"; fi
    if read -r LAST_SECONDS 2>/dev/null <"$TEMP_DIRECTORY/build.seconds"; then
        ESTIMATE="the last compile here took ${LAST_SECONDS} s"
    else
        ESTIMATE="restoring the NuGet packages and compiling take 1-2 minutes on two cores, less on more"
    fi
    echo "Compiling the build project ($WHY): $ESTIMATE; later runs start at once until build/ or src/ change..." >&2
    COMPILE_STARTED=$SECONDS
    # Published ReadyToRun (precompiled, so start-up does not wait for the JIT), without tiered PGO (its
    # instrumentation only pays off in long-running processes). ReadyToRun needs the crossgen2 package from
    # NuGet; where it cannot be restored, a plain build runs the same, only slower to start.
    COMPILE_ARGS=(-nologo -clp:NoSummary --verbosity quiet /nodeReuse:false /p:UseSharedCompilation=false -p:TieredPGO=false)
    if ! "$DOTNET_EXE" publish "$BUILD_PROJECT_FILE" -o "$BUILD_OUTPUT" -r linux-x64 --self-contained false -p:PublishReadyToRun=true "${COMPILE_ARGS[@]}" >&2; then
        echo "warning: the ReadyToRun publish failed (is microsoft.netcore.app.crossgen2.linux-x64 served by your NuGet source?); compiling without it" >&2
        rm -rf "$BUILD_OUTPUT"
        "$DOTNET_EXE" build "$BUILD_PROJECT_FILE" -o "$BUILD_OUTPUT" "${COMPILE_ARGS[@]}" >&2
    fi
    echo "$((SECONDS - COMPILE_STARTED))" >"$TEMP_DIRECTORY/build.seconds"
    echo "Compiled in $((SECONDS - COMPILE_STARTED)) s." >&2
    echo "$DOTNET_EXE" > "$TEMP_DIRECTORY/dotnet.path"
    echo "$HASH" > "$TEMP_DIRECTORY/build.hash"
    touch -d "@$STARTED" "$TEMP_DIRECTORY/build.hash"
fi
exec 9>&-
exec "$(cat "$TEMP_DIRECTORY/dotnet.path")" "$BUILD_OUTPUT/_build.dll" "$@"
