#!/usr/bin/env bash
#
# Builds Strowger if needed and starts it in the foreground with its demo configuration,
# console attached. <ctrl-d> or 'system:shutdown' stops it.
#
#   ./run.sh            build when the sources are newer than the last build, then start
#   ./run.sh --rebuild  always build first
#
# The platform runs from distribution/target/assembly (its etc/ is the demo configuration).
set -euo pipefail
cd "$(dirname "$0")"

assembly=distribution/target/assembly
stamp=distribution/target/.assembly-built

needs_build() {
    [ "${1:-}" = "--rebuild" ] && return 0
    [ -x "$assembly/bin/karaf" ] && [ -f "$stamp" ] || return 0
    [ -n "$(find pom.xml bundles features distribution/pom.xml distribution/src -newer "$stamp" -type f -print -quit)" ]
}

if needs_build "${1:-}"; then
    command -v mvn >/dev/null || { echo "run.sh: Maven (mvn) is needed to build; see README.md" >&2; exit 1; }
    echo "Building Strowger (tests skipped; ./test.sh runs them)..."
    # a running copy would be overwritten under its feet
    if [ -x "$assembly/bin/status" ] && "$assembly/bin/status" >/dev/null 2>&1; then
        echo "run.sh: Strowger is already running from $assembly; stop it first ($assembly/bin/stop)" >&2
        exit 1
    fi
    mvn -B -ntp -q -DskipTests -pl distribution -am clean package
    touch "$stamp"
fi

exec "$assembly/bin/karaf"
