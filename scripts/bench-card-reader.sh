#!/usr/bin/env bash
# Runs CardReaderBenchmark: N taps (default 200) of a virtual card on the real pcscd + vpcd reader,
# printing p50/p99/max from the PC/SC status change to CardPresented, split into the time inside PC/SC
# calls (pcscd, the reader, the card) and our own part (the rest), and of the whole way
# (card inserted -> CardPresented). Needs pcscd and vsmartcard-vpcd (apt), core and test-support
# installed in ~/.m2 (mvn -pl core,test-support install -DskipTests;
# -DskipTests: that only puts the built modules in place for the benchmark; ./run-tests runs the tests). It stops any running pcscd.
# Pass extra Maven flags in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl card-reader test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl card-reader dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec java -cp "card-reader/target/test-classes:card-reader/target/classes:$(cat "$cp_file")" \
  org.culturecard.reader.CardReaderBenchmark "${1:-200}"
