#!/usr/bin/env bash
# Runs BulkProvisioningBenchmark: 'provision kiosk bulk' for N kiosks (default 1000; goal <= 30 s),
# first creating every bundle, then re-running to keep them all. Needs core, card-reader and
# test-support installed in ~/.m2 (mvn -pl core,card-reader,test-support install -DskipTests;
# -DskipTests: that only puts the built modules in place for the benchmark; ./run-tests runs the tests).
# Usage: scripts/bench-provisioning.sh [N] [threads]. Extra Maven flags in MAVEN_ARGS (e.g. -o).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl provisioning test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl provisioning dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -cp "provisioning/target/test-classes:provisioning/target/classes:$(cat "$cp_file")" \
  org.culturecard.provisioning.kiosk.BulkProvisioningBenchmark "${1:-1000}" "${2:-$(nproc)}"
