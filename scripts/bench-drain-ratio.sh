#!/usr/bin/env bash
# Issue 17 item 2 in one session: central's own ingest rate with one worker (IngestBenchmark, batches
# arriving ready-made; it also runs two workers) and then the whole drain, SQLite -> sync agent ->
# Mosquitto -> central -> PostgreSQL (SyncBenchmark, with short raw, latency and idle parts), back to
# back, and the ratio drain / ingest (goal >= 0.8).
# Usage: scripts/bench-drain-ratio.sh [drainCheckIns=100000] [ingestBatches=4000]
# Needs mosquitto and postgresql (apt). Pass Maven flags in MAVEN_ARGS (default -o).
set -euo pipefail
cd "$(dirname "$0")/.."
drain="${1:-100000}"
batches="${2:-4000}"
out="$(mktemp)"
trap 'rm -f "$out"' EXIT
scripts/bench-central.sh ingest "$batches" 50 8 2>/dev/null | grep '^ingest ' | tee "$out"
scripts/bench-sync.sh "$drain" 1000 1 1 2>/dev/null | grep -E '^(SyncBenchmark|drain|recorded)' | tee -a "$out"
awk '/^ingest workers=1 /{for(i=1;i<=NF;i++) if($i ~ /^rate=/){sub("rate=","",$i); ingest=$i}}
     /^drain: /{for(i=1;i<=NF;i++) if($i=="=" && $(i+2)=="check-ins/s"){rate=$(i+1); break}}
     END{if(ingest>0 && rate>0) printf "drain %.0f / ingest with one worker %.0f = %.2f [goal >= 0.8]\n", rate, ingest, rate/ingest;
         else {print "could not read both rates"; exit 1}}' "$out"
