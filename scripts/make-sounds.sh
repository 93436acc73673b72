#!/usr/bin/env bash
#
# Makes the prompts shipped in distribution/src/main/resources/sounds/en: spoken by espeak-ng,
# converted by sox to raw G.711 µ-law at 8000 samples/s (the format Playback reads), plus
# tones. The files are committed, so a build needs neither tool; run this to change them.
#   apt-get install espeak-ng sox
set -euo pipefail
cd "$(dirname "$0")/.."
out=distribution/src/main/resources/sounds/en
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

say() { # name text
    espeak-ng -v en-us -s 150 -w "$tmp/$1.wav" "$2"
    sox "$tmp/$1.wav" -r 8000 -c 1 -t ul "$out/$1.ulaw" norm -3
}
for digit in 0 1 2 3 4 5 6 7 8 9; do
    words=(zero one two three four five six seven eight nine)
    say "digits-$digit" "${words[$digit]}"
done
say digits-star "star"
say digits-pound "pound"
say hello-world "Hello world."
say welcome "Welcome to Strowger."
say please-enter-extension "Please enter the extension you wish to call."
say invalid "That is not a valid extension."
say goodbye "Goodbye."
say transfer "Transfer."
say pbx-transfer "Transfer."
say parked-call "Your call is parked on"
say call-parked-at "Call parked at"
say vm-nobodyavail "Nobody is available to take your call."
say echo-test "This is the echo test. What you say is played back to you. Press pound to end."
say beeperr "Sorry."
sox -n -r 8000 -c 1 -t ul "$out/beep.ulaw" synth 0.25 sine 1000 vol 0.5
sox -n -r 8000 -c 1 -t ul "$out/silence-1.ulaw" trim 0 1
ls -l "$out" | awk '{s+=$5} END {print NR-1 " files, " s " bytes"}'
