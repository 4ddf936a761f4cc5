#!/usr/bin/env bash
# The sync path's figures in one run (SyncBenchmark), on a tuned Mosquitto and a PostgreSQL (fsync on)
# started for the run:
#   drain    a backlog of N check-ins recorded by the kiosk's store, SQLite -> sync agent -> Mosquitto
#            -> central -> PostgreSQL (goal >= 5,000 check-ins/s end to end);
#   raw      Mosquitto's QoS 1 rate for 300-byte messages, one Paho publisher, one subscriber;
#   idle     the agent as its own process, connected with nothing to send: CPU time over idleSeconds;
#   latency  tap recorded -> row committed in PostgreSQL at 10 taps/s through that agent process, p50/p99
#            (goal p99 <= 25 ms).
# Usage: scripts/bench-sync.sh [drainCheckIns=100000] [rawMessages=100000] [latencySeconds=30] [idleSeconds=60]
#        e.g. scripts/bench-sync.sh 5000 5000 5   (a quick check)
# Needs mosquitto and postgresql (apt); builds this checkout's modules (no tests) and runs on them.
# Pass Maven flags in MAVEN_ARGS (default -o, offline).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# The reactor (-am) puts this checkout's modules on the class path (their target/classes), never ~/.m2's;
# every module writes the file in turn, demo-app last.
mvn -B -q ${MAVEN_ARGS:--o} -pl demo-app -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$cp_file"
exec java -Dlogback.configurationFile=demo-app/src/test/resources/logback-test.xml \
  -cp "demo-app/target/test-classes:demo-app/target/classes:$(cat "$cp_file")" \
  org.culturecard.demo.reliability.SyncBenchmark "$@"
