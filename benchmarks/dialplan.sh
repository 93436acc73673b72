#!/usr/bin/env bash
#
# Dialplan benchmark: lookups per second, load and reload time, on a generated extensions.conf of
# 100 contexts x 100 extensions (10,000) with includes (DialplanGenerator, test scope of
# bundles/pbx). Targets (the issue): >= 1,000,000 lookups/s on one core; load or reload < 1 s.
#
#   1. builds bundles/pbx and the modules it needs (test-compile only, no tests run; offline
#      first, online if a dependency is missing) and writes its test classpath;
#   2. runs the JMH benchmark DialplanLookupBenchmark on one thread, one fork:
#        find       DialplanIndex.find over a mix of lookups (35% literal hits, 15% pattern hits,
#                   20% hits through includes, 15% misses, 15% priorities a literal lacks);
#        exists     the same extensions at priority 1;   matchMore  prefixes of them;
#        find_*     find for one kind of lookup at a time;
#   3. runs DialplanLoadBenchmark: parse, index, shadowing check; load and reload in ms (median of
#      15 runs after 5 warm-up runs, each after a System.gc()), and reload again while another
#      thread keeps looking up on the old index (no answer may change);
#   4. prints a summary, with the load average (the machine may be shared: compare with care).
#
#   benchmarks/dialplan.sh [JMH options...]
#
# Default JMH options suit a 2-core machine: -f 1 -wi 2 -w 2s -i 3 -r 3s (about 2 minutes in all).
# Options given replace them, e.g. 'benchmarks/dialplan.sh -f 1 -wi 1 -w 1s -i 2 -r 1s' for a quick
# look, or add a benchmark regex: 'benchmarks/dialplan.sh -f 1 -i 5 "DialplanLookupBenchmark.find$"'.
# Raw results: bundles/pbx/target/dialplan-bench/ (jmh.json, jmh.txt, load.txt, extensions.conf).
# JMH runs one benchmark per machine at a time (/tmp/jmh.lock): if another holds the lock, the
# script waits for it up to DIALPLAN_BENCH_WAIT seconds (default 600), then runs anyway and says so.
set -euo pipefail
cd "$(dirname "$0")/.."

out=bundles/pbx/target/dialplan-bench
mkdir -p "$out"
source benchmarks/test-classpath.sh
test_classpath bundles/channel-api bundles/channel-core bundles/pbx-api bundles/pbx

jmh_options=("$@")
if [ ${#jmh_options[@]} -eq 0 ]; then
    jmh_options=(-f 1 -wi 2 -w 2s -i 3 -r 3s)
fi
has_regex=false
for option in "${jmh_options[@]}"; do
    case "$option" in *Benchmark*) has_regex=true ;; esac
done
$has_regex || jmh_options+=("DialplanLookupBenchmark")

# JMH allows one run per machine (/tmp/jmh.lock): wait for another one to finish, up to
# DIALPLAN_BENCH_WAIT seconds (default 600), then run anyway and say so.
lock_held() {
    python3 -c 'import fcntl, sys
try:
    with open("/tmp/jmh.lock", "a") as f:
        fcntl.lockf(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
except OSError:
    sys.exit(0)
sys.exit(1)'
}
jvm_flags=()
waited=0
while lock_held; do
    if [ "$waited" -ge "${DIALPLAN_BENCH_WAIT:-600}" ]; then
        echo "another JMH run still holds /tmp/jmh.lock after ${waited}s: running alongside it (figures disturbed)" >&2
        jvm_flags+=(-Djmh.ignoreLock=true)
        break
    fi
    [ "$waited" -eq 0 ] && echo "another JMH run holds /tmp/jmh.lock; waiting for it" >&2
    sleep 5
    waited=$((waited + 5))
done

echo "== JMH: ${jmh_options[*]} (load average $(cut -d' ' -f1-3 /proc/loadavg)) =="
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
java "${jvm_flags[@]}" -cp "$cp" org.openjdk.jmh.Main "${jmh_options[@]}" -t 1 -bm thrpt -tu s \
    -rf json -rff "$out/jmh.json" | tee "$out/jmh.txt"

echo "== load and reload timing =="
java -Xms512m -cp "$cp" org.strowger.pbx.internal.config.DialplanLoadBenchmark 15 5 "$out/extensions.conf" \
    | tee "$out/load.txt"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "== summary ($(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- bundles/pbx || echo '+changes')) =="
grep '^plan:' "$out/load.txt"
python3 - "$out/jmh.json" <<'EOF'
import json, sys
for result in json.load(open(sys.argv[1])):
    name = result["benchmark"].rsplit(".", 1)[1]
    metric = result["primaryMetric"]
    runs = [score for fork in metric.get("rawData", []) for score in fork]
    spread = " (iterations %.2f-%.2f)" % (min(runs) / 1e6, max(runs) / 1e6) if runs else ""
    print("%-18s %7.2f M lookups/s%s" % (name, metric["score"] / 1e6, spread))
EOF
grep -E '^(first load|load ms|reload ms|shadowing|lookups on the old)' "$out/load.txt"
echo "targets: >= 1.00 M lookups/s (find, one core); load and reload < 1000 ms"
echo "load average: before $load_before, after $load_after ($(nproc) cores)"
