#!/usr/bin/env bash
# Runs BadgeBenchmark: issue (sign) and verify one Open Badges 3.0 credential (eddsa-rdfc-2022, with
# its status list credential), round by round in one thread, printing p50/p99/max and the load average.
# Usage: scripts/bench-badges.sh [rounds=2000] [warmUp=500]
# Builds open-badges and what it needs in the reactor (nothing is installed in ~/.m2). Pass Maven
# flags in MAVEN_ARGS (default -o, offline).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:--o} -pl open-badges -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec java -cp "open-badges/target/test-classes:open-badges/target/classes:$(cat open-badges/target/bench-classpath.txt)" \
  org.culturecard.badges.BadgeBenchmark "${1:-2000}" "${2:-500}"
