#!/usr/bin/env bash
#
# Channel core benchmarks: masquerade throughput (one thread, 16 threads on their own channels,
# 16 threads fighting over shared channels), channel create+hangup throughput, and heap per idle
# channel. Everything runs on the core of the unit tests (CoreFixture) with the lock-order
# validator in production mode (new CoreFixture(false)) and the lightweight Bench driver
# (src/test/java/org/strowger/channel/core/BenchDriver.java). Prints a summary in ops/s against
# the targets of the issue:
#
#   masquerades/s, 1 thread                  >= 200,000
#   masquerades/s, 16 threads (contention)   >= half of that
#   channel create+hangup/s                  >= 100,000
#   heap per idle channel                    <= 4 KiB
#
# Usage (from anywhere; about 3 minutes on 2 cores):
#
#   benchmarks/channel-core.sh [extra JMH options...]     e.g.  -prof gc   or  -prof stack
#
# Environment:
#   JMH_OPTS     JMH settings of the throughput benchmarks   (default: -f 1 -wi 4 -w 2s -i 3 -r 2s)
#   JMH_SS_OPTS  JMH settings of the single-shot batches     (default: -f 1 -wi 10 -i 8)
#   BATCH_1      pairs per batch, 1 thread                    (default: 50000)
#   BATCH_16     pairs per batch per thread, 16 threads       (default: 5000)
#   CHANNELS     idle channels for the heap measurement       (default: 100000)
#   SKIP_BUILD=1 reuse the compiled classes and classpath of the previous run
#
# The benchmarks are JMH classes in bundles/channel-core/src/test/java/org/strowger/channel/core/
# (Bench*.java, package-private access to the core; Surefire never runs them) and the main class
# HeapPerChannel. Full JMH output: bundles/channel-core/target/bench/jmh-*.log; results as CSV next
# to it. Other JMH runs on the machine are not waited for (-Djmh.ignoreLock=true): the script says
# so when it sees one, and the figures are then lower than on a quiet machine.
set -euo pipefail
cd "$(dirname "$0")/.."

out=bundles/channel-core/target/bench
jmh_opts=${JMH_OPTS:--f 1 -wi 4 -w 2s -i 3 -r 2s}
jmh_ss_opts=${JMH_SS_OPTS:--f 1 -wi 10 -i 8}
batch_1=${BATCH_1:-50000}
batch_16=${BATCH_16:-5000}
channels=${CHANNELS:-100000}
extra=("$@")

mkdir -p "$out"
source benchmarks/test-classpath.sh
test_classpath bundles/channel-api bundles/channel-core

if pgrep -f 'org.openjdk.jmh.Main' >/dev/null; then
    echo "NOTE: another JMH run is going on on this machine; expect lower figures."
fi
echo "Load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# jmh NAME REGEX OPTIONS...: one JMH run, its log and CSV under $out
jmh() {
    local name=$1 regex=$2
    shift 2
    echo "JMH $name..."
    # shellcheck disable=SC2086
    java -Djmh.ignoreLock=true -cp "$cp" org.openjdk.jmh.Main "$regex" "$@" "${extra[@]}" \
        -rf csv -rff "$out/jmh-$name.csv" >"$out/jmh-$name.log" 2>&1 || {
        echo "JMH $name failed; see $out/jmh-$name.log" >&2
        tail -20 "$out/jmh-$name.log" >&2
        exit 1
    }
}

# score FILE BENCHMARK [COLUMN]: a number from a JMH CSV (column 5 = score, 6 = error)
score() {
    awk -F, -v b="\"org.strowger.channel.core.$2\"" -v c="${3:-5}" '$1 == b { gsub(/"/, "", $c); print $c; exit }' "$1"
}

start=$(date +%s)
# shellcheck disable=SC2086
jmh throughput 'org\.strowger\.channel\.core\.Bench(Masquerade|ChannelLifecycle)\.' $jmh_opts
# shellcheck disable=SC2086
# the locking fixup hits the production-mode validator bug: two exceptions per masquerade, which
# the core logs at ERROR with their stacks; logging is off here, so this measures the rest
jmh locking-fixup 'org\.strowger\.channel\.core\.BenchMasquerade\.cycle$' -p lockingFixup=true \
    -f 1 -wi 2 -w 2s -i 2 -r 2s -jvmArgsAppend "-Xms1g -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=off"
# shellcheck disable=SC2086
jmh batch-1 'org\.strowger\.channel\.core\.BenchMasqueradeBatch\.masquerade$' $jmh_ss_opts -bs "$batch_1" -wbs "$batch_1"
# shellcheck disable=SC2086
jmh batch-16 'org\.strowger\.channel\.core\.BenchMasqueradeBatch\.masquerade16$' $jmh_ss_opts -bs "$batch_16" -wbs "$batch_16"
echo "Heap per idle channel ($channels channels)..."
java -Xms1g -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$cp" \
    org.strowger.channel.core.HeapPerChannel "$channels" >"$out/heap.log" 2>&1 || {
    echo "HeapPerChannel failed; see $out/heap.log" >&2
    exit 1
}
end=$(date +%s)

t=$out/jmh-throughput.csv
masq_1_ms=$(score "$out/jmh-batch-1.csv" BenchMasqueradeBatch.masquerade)
masq_16_ms=$(score "$out/jmh-batch-16.csv" BenchMasqueradeBatch.masquerade16)
heap_bench=$(awk '$1 == "RESULT" && $2 == "heap.Bench.bytesPerChannel" { print $3 }' "$out/heap.log")
heap_test=$(awk '$1 == "RESULT" && $2 == "heap.Test.bytesPerChannel" { print $3 }' "$out/heap.log")

awk -v m1ms="$masq_1_ms" -v m16ms="$masq_16_ms" -v b1="$batch_1" -v b16="$batch_16" \
    -v cycle="$(score "$t" BenchMasquerade.cycle)" -v cycle16="$(score "$t" BenchMasquerade.cycle16)" \
    -v base="$(score "$t" BenchMasquerade.baseline)" \
    -v lockcycle="$(score "$out/jmh-locking-fixup.csv" BenchMasquerade.cycle)" \
    -v over="$(score "$t" BenchMasquerade.overlapping16)" \
    -v oversucc="$(score "$t" BenchMasquerade.overlapping16:successes)" \
    -v overref="$(score "$t" BenchMasquerade.overlapping16:refusals)" \
    -v req="$(score "$t" BenchChannelLifecycle.requestHangup)" \
    -v inb="$(score "$t" BenchChannelLifecycle.inboundHangup)" \
    -v hb="$heap_bench" -v ht="$heap_test" -v secs="$((end - start))" '
function verdict(ok) { return ok ? "met" : "NOT MET" }
BEGIN {
    m1 = b1 / (m1ms / 1000); m16 = 16 * b16 / (m16ms / 1000)
    share = oversucc / (oversucc + overref)
    printf "\nChannel core benchmark summary (validator in production mode; ran %d s)\n", secs
    printf "  %-58s %12s   %s\n", "figure", "value", "target"
    printf "  %-58s %12.0f   >= 200,000/s: %s\n", "masquerades/s, 1 thread (batch of prepared pairs)", m1, verdict(m1 >= 200000)
    printf "  %-58s %12.0f   >= 100,000/s (half the target): %s; %.0f%% of 1 thread\n", \
        "masquerades/s, 16 threads on their own pairs", m16, verdict(m16 >= 100000), 100 * m16 / m1
    printf "  %-58s %12.0f\n", "create 2 + masquerade + hang up survivor, ops/s, 1 thread", cycle
    printf "  %-58s %12.0f   (%.0f%% of 1 thread)\n", "the same, 16 threads", cycle16, 100 * cycle16 / cycle
    printf "  %-58s %12.0f\n", "create 2 + hang up 2 (baseline), ops/s", base
    printf "  %-58s %12.0f\n", "the 1-thread cycle, driver fixup taking its pvt lock", lockcycle
    printf "  %-58s %12.0f   (%.0f%% succeed, %.0f successes/s)\n", \
        "16 threads, overlapping random pairs: attempts/s", over, 100 * share, over * share
    printf "  %-58s %12.0f   >= 100,000/s: %s\n", "channel create+hangup/s (dial string, core.request)", req, verdict(req >= 100000)
    printf "  %-58s %12.0f\n", "channel create+hangup/s (createInbound, no parsing)", inb
    printf "  %-58s %12.0f   <= 4,096 B: %s\n", "heap per idle channel, bytes (Bench driver)", hb, verdict(hb <= 4096)
    printf "  %-58s %12.0f   (recording TestDriver side included)\n", "heap per idle channel, bytes (fixture.request, TestDriver)", ht
}'
echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg). Logs: $out/"
