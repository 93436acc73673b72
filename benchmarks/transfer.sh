#!/usr/bin/env bash
#
# Transfer benchmarks: blind transfers/s, attended (4-channel) transfers/s and park+retrieve/s
# through the transfer service over the real channel core (lock-order validator in production
# mode, test phones as drivers), the time from the last key of "#1103" to the transferee entering
# the dialplan, and the heap a parked call costs. One thread; plain timing after a warm-up.
#
# Usage (from anywhere; under a minute on 2 cores):
#
#   benchmarks/transfer.sh [ROUNDS [PARKED]]        defaults: 20000 rounds, 5000 parked calls
#
# The benchmark is bundles/transfer/src/test/java/org/strowger/transfer/internal/TransferBenchmark.java
# (Surefire never runs it).
set -euo pipefail
cd "$(dirname "$0")/.."

out=bundles/transfer/target/bench
mkdir -p "$out"
source benchmarks/test-classpath.sh
test_classpath bundles/channel-api bundles/channel-core bundles/pbx-api bundles/transfer-api bundles/transfer
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) =="
java -Xms256m -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
    org.strowger.transfer.internal.TransferBenchmark "$@" | tee "$out/transfer.txt"
