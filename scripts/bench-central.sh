#!/usr/bin/env bash
# Central's benchmarks, on a real Mosquitto and a real PostgreSQL started for the run:
#   ingest  IngestBenchmark: batches through the broker into PostgreSQL (fsync on) with 1, then 2
#           ingest workers on the shared subscription. Args: batches records-per-batch kiosks
#           (default 4000 50 8, i.e. 200,000 check-ins). Goal: >= 20,000 check-ins/s.
#   report  ReportBenchmark: the engagement report (by venue, sector, event; monthly, one year)
#           over generated check-ins. Args: rows people (default 10000000 200000). Goal: <= 2 s.
#   merge   IdentityBenchmark: merging two people with 1,000 check-ins each (the identity transaction,
#           then the rollup rebuild of the days they touched), three times, over 2,000,000 background
#           check-ins; then the enrolled-card filter read from PostgreSQL and built for 100,000 enrolled
#           people. Args: background per-person enrolled (default 2000000 1000 100000).
#   recognition  RecognitionBenchmark: "ingest" (default): ingest with no achievements and with 50, interleaved
#           rounds, one worker; args batches records-per-batch people rounds (default 2000 50 20000 2); goal:
#           the rate with 50 within 20 % of the rate with none. "backfill": one new achievement over generated
#           check-ins; args rows people batch (default 1000000 50000 1000).
# Usage: scripts/bench-central.sh ingest|report|merge|recognition [args...]   e.g. scripts/bench-central.sh report 1000000 50000
# Needs mosquitto and postgresql (apt); builds this checkout's modules (no tests) and runs on them.
# Pass Maven flags in MAVEN_ARGS (default -o).
set -euo pipefail
cd "$(dirname "$0")/.."
which="${1:-ingest}"
shift || true
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The reactor (-am) puts this checkout's modules on the class path (their target/classes), never ~/.m2's;
# every module writes the file in turn, central last.
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:--o} -pl central -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
case "$which" in
  ingest) main=org.culturecard.central.bench.IngestBenchmark ;;
  report) main=org.culturecard.central.bench.ReportBenchmark ;;
  merge) main=org.culturecard.central.bench.IdentityBenchmark ;;
  recognition) main=org.culturecard.central.bench.RecognitionBenchmark ;;
  *) echo "usage: $0 ingest|report|merge|recognition [args...]" >&2; exit 2 ;;
esac
# shellcheck disable=SC2086 # JAVA_OPTS holds several flags: split on purpose
exec java ${JAVA_OPTS:-} -Dlogback.configurationFile=central/src/test/resources/logback-test.xml \
  -cp "central/target/test-classes:central/target/classes:$(cat "$cp_file")" "$main" "$@"
