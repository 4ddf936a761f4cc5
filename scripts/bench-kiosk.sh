#!/usr/bin/env bash
# Runs KioskBenchmark: cold start to the attract screen, tap -> check-in on disk -> result screen
# shown (p50/p99 over N taps, default 200, with the real SQLite store and a real headless scene), and
# resident memory (VmRSS) after 1,000 taps. Headless (Monocle, software rendering), so it needs no
# display. Needs core and card-reader installed in ~/.m2. Pass extra Maven flags in MAVEN_ARGS
# (e.g. MAVEN_ARGS=-o for offline) and JVM flags in JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl kiosk test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl kiosk dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:-} -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Djava.awt.headless=true -Dlogback.configurationFile=kiosk/src/test/resources/logback-bench.xml \
  -cp "kiosk/target/test-classes:kiosk/target/classes:$(cat "$cp_file")" \
  org.culturecard.kiosk.KioskBenchmark "${1:-200}"
