#!/usr/bin/env bash
# Runs KioskBenchmark: cold start to the attract screen, tap -> check-in on disk -> result screen
# shown (p50/p99 over N taps, default 200, with the real SQLite store and a real headless scene), and
# resident memory (VmRSS) after 1,000 taps. Headless (Monocle, software rendering), so it needs no
# display. Builds the jars through the reactor (-am), so nothing is taken from ~/.m2's project modules.
#
# It starts the JVM through the kiosk's own launcher (kiosk/src/main/dist/bin/culturecard-kiosk), so
# it measures what a kiosk runs: the options in kiosk/src/main/dist/jvm.options and the AppCDS
# archive (kept in KIOSK_CDS_DIR, default kiosk/target/bench-cds: the first run writes it after its
# figures, later runs map it; delete the folder for a first start again). KIOSK_LAUNCHER=off runs a
# plain `java` with only JAVA_OPTS instead (the kiosk JVM before ADR 0030).
# Pass extra Maven flags in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for offline) and JVM flags in JAVA_OPTS.
# Usage: scripts/bench-kiosk.sh [N]      e.g. taskset -c 0 scripts/bench-kiosk.sh (one core)
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Every module of the reactor writes the file; kiosk, the last, wins. CDS archives classes from jars
# only, so the modules are packaged, and the benchmark's own classes put in a jar too. -DskipTests: a
# benchmark build only; ./run-tests runs the tests.
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl kiosk -am package -DskipTests dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp"
shopt -s nullglob
kiosk_jars=(kiosk/target/kiosk-*.jar)
shopt -u nullglob
# A fixed path, remade only when a test class changed: the archive's fingerprint includes its mtime.
bench_jar=kiosk/target/bench/kiosk-bench.jar
if [ ! -f "$bench_jar" ] || [ -n "$(find kiosk/target/test-classes -type f -newer "$bench_jar" | head -1)" ]; then
  mkdir -p "$(dirname "$bench_jar")"
  rm -f "$bench_jar"
  jar cf "$bench_jar" -C kiosk/target/test-classes .
fi
classpath="$PWD/$bench_jar:$PWD/${kiosk_jars[0]:?no kiosk jar in kiosk/target}:$(cat "$work/cp")"
headless="-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true"
logging="-Dlogback.configurationFile=kiosk/src/test/resources/logback-bench.xml"

if [ "${KIOSK_LAUNCHER:-on}" = "off" ]; then
  # shellcheck disable=SC2086
  java ${JAVA_OPTS:-} $headless $logging -cp "$classpath" org.culturecard.kiosk.KioskBenchmark "${1:-200}"
else
  CULTURECARD_KIOSK_HOME=kiosk/src/main/dist \
  CULTURECARD_KIOSK_CLASSPATH="$classpath" \
  CULTURECARD_KIOSK_MAIN=org.culturecard.kiosk.KioskBenchmark \
  CULTURECARD_KIOSK_CDS_DIR="${KIOSK_CDS_DIR:-$PWD/kiosk/target/bench-cds}" \
  JAVA_OPTS="$headless $logging ${JAVA_OPTS:-}" \
    kiosk/src/main/dist/bin/culturecard-kiosk "${1:-200}"
fi
