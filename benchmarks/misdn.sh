#!/usr/bin/env bash
#
# mISDN benchmark: N simultaneous calls (default 30) across the native simulated card's E1 ports
# (30 B-channels), audio both ways for S seconds (default 20) after a 3 s warm-up. Prints the
# spacing of the 20 ms frames the driver hands to the channel core on each port (target: 20 ± 2 ms)
# and CPU: the whole process, the card's simulator thread, the load generator, and the platform's
# share (target: under 10 % of one core for 30 calls).
#
# Usage (from anywhere; about half a minute):
#
#   benchmarks/misdn.sh [CALLS [SECONDS]]
#
# The benchmark is bundles/misdn/src/test/java/org/strowger/misdn/internal/MisdnBenchmark.java
# (Surefire never runs it); it loads the native library from bundles/misdn-native's build output.
set -euo pipefail
cd "$(dirname "$0")/.."

out=bundles/misdn/target/bench
mkdir -p "$out"
source benchmarks/test-classpath.sh
test_classpath bundles/channel-api bundles/channel-core bundles/misdn-native bundles/misdn-api bundles/misdn
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) =="
java -Xms256m -Xmx1g -Djava.library.path=bundles/misdn-native/target/classes/native/linux-x86_64 -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
    org.strowger.misdn.internal.MisdnBenchmark "$@" | tee "$out/misdn.txt"
