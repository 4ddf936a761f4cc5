#!/usr/bin/env bash
# Runs EnrolmentBenchmark: issue 13's enrolment round trip on the staff "Register a card" page (a card
# tapped on the simulated reader, its number scanned, until "Registered" is laid out), through the
# kiosk's real SIP2 client against sip2's test server on loopback (login and checksums on), with the
# real SQLite store and a real headless (Monocle) scene: p50/p99 over N cards, default 200.
# Builds kiosk and what it needs in the reactor (nothing is taken from ~/.m2's project modules).
# -DskipTests: a benchmark build only; ./run-tests runs the tests. Pass Maven flags in MAVEN_ARGS
# (default -o, offline) and JVM flags in JAVA_OPTS.
# Usage: scripts/bench-enrolment.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:--o} -pl kiosk -am test-compile dependency:build-classpath -DskipTests \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-enrolment-classpath.txt
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Djava.awt.headless=true -Dlogback.configurationFile=kiosk/src/test/resources/logback-bench.xml \
  -cp "kiosk/target/test-classes:kiosk/target/classes:$(cat kiosk/target/bench-enrolment-classpath.txt)" \
  org.culturecard.kiosk.EnrolmentBenchmark "${1:-200}"
