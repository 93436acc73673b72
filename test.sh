#!/usr/bin/env bash
#
# Installs what the tests need (sipp and baresip, the real SIP peers of the interop tests)
# and runs every test: unit tests, Pax Exam tests in native Felix and in the Karaf
# distribution, and the distribution's script tests. Exit status non-zero when any test fails.
#
#   ./test.sh            everything
#   ./test.sh -o         same, Maven offline (dependencies already in ~/.m2)
set -euo pipefail
cd "$(dirname "$0")"

missing=()
command -v sipp >/dev/null || missing+=(sip-tester)
command -v baresip >/dev/null || missing+=(baresip)
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing test peers: ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

exec mvn -B -ntp "$@" clean verify
