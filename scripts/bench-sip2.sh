#!/usr/bin/env bash
# Runs Sip2Benchmark: patron status (23/24) round trips through the sip2 client against the SIP2 test
# server on loopback (login and checksums on, one reused connection), printing p50/p99/max.
# Usage: scripts/bench-sip2.sh [rounds=20000] [warmUp=5000]
# Builds sip2 and what it needs in the reactor (nothing is installed in ~/.m2). Pass Maven flags in
# MAVEN_ARGS (default -o, offline).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:--o} -pl sip2 -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -Dlogback.configurationFile=sip2/src/test/resources/logback-test.xml \
  -cp "sip2/target/test-classes:sip2/target/classes:$(cat sip2/target/bench-classpath.txt)" \
  org.culturecard.sip2.client.Sip2Benchmark "${1:-20000}" "${2:-5000}"
