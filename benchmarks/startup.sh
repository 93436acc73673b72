#!/usr/bin/env bash
#
# Startup benchmark of the distribution: unpacks the built tar.gz into a scratch folder (a cold
# start each run, empty data/), runs bin/start and times until the console answers a command
# through bin/strowger. Prints the figures; changes nothing in the build.
#
#   benchmarks/startup.sh [RUNS]     (default 3; build first: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
tarball=$(ls distribution/target/strowger-distribution-*.tar.gz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "no distribution tar.gz: run 'mvn -DskipTests package' first" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'if [ -x "$scratch/s/bin/stop" ]; then "$scratch/s/bin/stop" >/dev/null 2>&1 || true; fi; rm -rf "$scratch"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }

echo "tar.gz: $(du -h "$tarball" | cut -f1) ($(stat -c %s "$tarball") bytes)"
for run in $(seq 1 "$runs"); do
    rm -rf "$scratch/s" && mkdir -p "$scratch/s"
    tar xzf "$tarball" -C "$scratch/s" --strip-components=1
    [ "$run" -eq 1 ] && echo "unpacked: $(du -sh "$scratch/s" | cut -f1)"
    sed -i "s/^sshPort *=.*/sshPort = $(free_port)/" "$scratch/s/etc/org.apache.karaf.shell.cfg"
    start=$(now)
    "$scratch/s/bin/start"
    "$scratch/s/bin/strowger" -w 120 'strowger:version' >/dev/null
    answered=$(now)
    printf 'run %d: bin/start to first console answer (cold): %.1f s\n' "$run" "$(echo "$answered - $start" | bc)"
    [ "$run" -eq "$runs" ] && echo "after first start: $(du -sh "$scratch/s" | cut -f1)"
    "$scratch/s/bin/stop"
    while "$scratch/s/bin/status" >/dev/null 2>&1; do sleep 0.5; done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
