#!/usr/bin/env bash
#
# SIP load benchmark: sipp UAC on the load trunk (127.0.0.1:5061) calls 9000, which the demo
# dialplan bridges to a sipp UAS on the load sink (127.0.0.1:5070). Unpacks the built tar.gz
# into a scratch folder, starts it, and prints per level: calls, failures, retransmissions,
# mean setup time, and the platform's CPU, heap, threads and file descriptors (also per call).
#
#   benchmarks/sip.sh [rates|rtp|all] [options of benchmarks/sip_load.py]
#   e.g. benchmarks/sip.sh rates --rates 100,200,300,400
#        benchmarks/sip.sh rtp --rtp-calls 200,400,600 --rtp-seconds 30
#
# Ports are the demo's (SIP 5060, trunk 5061, sink 5070); on a shared machine move them with
# --sip-port/--gen-port/--sink-port. Build first: mvn -DskipTests package. Needs sipp and jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-all}"
[ $# -gt 0 ] && shift
tarball=$(ls distribution/target/strowger-distribution-*.tar.gz 2>/dev/null | head -n 1)
[ -n "$tarball" ] || { echo "no distribution tar.gz: run 'mvn -DskipTests package' first" >&2; exit 1; }
command -v sipp >/dev/null || { echo "sipp is missing: apt-get install sip-tester" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'if [ -x "$scratch/s/bin/stop" ]; then "$scratch/s/bin/stop" >/dev/null 2>&1 || true; fi; rm -rf "$scratch"' EXIT
mkdir -p "$scratch/s"
tar xzf "$tarball" -C "$scratch/s" --strip-components=1
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
sed -i "s/^sshPort *=.*/sshPort = $(free_port)/" "$scratch/s/etc/org.apache.karaf.shell.cfg"
# sipp and the platform each need many sockets
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "# $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), fd limit $(ulimit -n), sipp $(sipp -v 2>&1 | grep -o 'v[0-9.]*' | head -1)"
python3 benchmarks/sip_load.py --root "$scratch/s" --mode "$mode" "$@"
