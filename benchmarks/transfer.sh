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

modules=bundles/channel-api,bundles/channel-core,bundles/pbx-api,bundles/transfer-api,bundles/transfer
out=bundles/transfer/target/bench
classpath_file="$PWD/$out/test-classpath.txt"
mkdir -p "$out"

build() {
    # every module of the reactor writes the classpath file in turn; bundles/transfer comes last
    mvn -B -q "$@" -pl "$modules" test-compile dependency:build-classpath \
        -Dmdep.includeScope=test -Dmdep.outputFile="$classpath_file"
}
echo "== building $modules (test-compile) =="
if ! build -o; then
    echo "offline build failed; trying online" >&2
    build
fi
cp="bundles/transfer/target/test-classes:bundles/transfer/target/classes:$(cat "$classpath_file")"
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) =="
java -Xms256m -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$cp" \
    org.strowger.transfer.internal.TransferBenchmark "$@" | tee "$out/transfer.txt"
