#!/usr/bin/env bash
# Runs benchmark scripts on two commits in one session, in interleaved rounds (before, after, before,
# after, ...), so both see the same machine: the way issue 12's "within 10 %" was checked.
# Each commit is cloned into its own folder under $BENCH_DIR (default /tmp/bench-compare) and installed
# into ~/.m2 before each of its rounds (-DskipTests: a benchmark build; ./run-tests runs the tests),
# because older scripts take the project's modules from there.
# Outputs: $BENCH_DIR/<name>-<script>-<round>.txt; compare the medians of the rounds.
# Usage: scripts/bench-compare.sh BEFORE AFTER [ROUNDS] [SCRIPTS...]
#   e.g. scripts/bench-compare.sh 53207e6 HEAD 3 card-reader provisioning kiosk
# Scripts (default all five): card-reader (100 taps), kiosk (200 taps, and for AFTER also with
# KIOSK_LAUNCHER=off when its script knows it), sync (20,000 check-ins), central (ingest), provisioning (1,000).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
before=$(git rev-parse --short "${1:?before commit}")
after=$(git rev-parse --short "${2:?after commit}")
rounds=${3:-3}
shift $(( $# < 3 ? $# : 3 ))
scripts=("$@")
[ ${#scripts[@]} -gt 0 ] || scripts=(card-reader kiosk sync central provisioning)
out=${BENCH_DIR:-/tmp/bench-compare}
mkdir -p "$out"

for name in before after; do
  rev=$([ $name = before ] && echo "$before" || echo "$after")
  rm -rf "${out:?}/$name"
  git clone -q "$repo" "$out/$name"
  git -C "$out/$name" checkout -q "$rev"
done

run() { # name script round
  local dir="$out/$1" file="$out/$1-$2-$3.txt"
  case $2 in
    card-reader)  flock /tmp/pcscd.lock env MAVEN_ARGS=-o "$dir/scripts/bench-card-reader.sh" 100 > "$file" 2>&1 ;;
    kiosk)        MAVEN_ARGS=-o "$dir/scripts/bench-kiosk.sh" 200 > "$file" 2>&1
                  if [ "$1" = after ] && grep -q KIOSK_LAUNCHER "$dir/scripts/bench-kiosk.sh"; then
                    KIOSK_LAUNCHER=off MAVEN_ARGS=-o "$dir/scripts/bench-kiosk.sh" 200 > "$out/$1-kiosk-nolauncher-$3.txt" 2>&1
                  fi ;;
    sync)         "$dir/scripts/bench-sync.sh" 20000 20000 15 > "$file" 2>&1 ;;
    central)      "$dir/scripts/bench-central.sh" ingest 2000 50 8 > "$file" 2>&1 ;;
    provisioning) MAVEN_ARGS=-o "$dir/scripts/bench-provisioning.sh" 1000 > "$file" 2>&1 ;;
    *) echo "unknown script: $2" >&2; exit 2 ;;
  esac
}

for round in $(seq 1 "$rounds"); do
  for name in before after; do
    (cd "$out/$name" && mvn -B -q -o install -DskipTests > "$out/$name-install-$round.txt" 2>&1)
    echo "round $round $name $(date +%T) load $(cut -d' ' -f1 /proc/loadavg)" | tee -a "$out/log"
    for s in "${scripts[@]}"; do (cd "$out/$name" && run "$name" "$s" "$round"); done
  done
done
echo "done $(date +%T); results in $out" | tee -a "$out/log"
