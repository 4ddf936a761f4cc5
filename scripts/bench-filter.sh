#!/usr/bin/env bash
# Runs EnrolledFilterBenchmark: the enrolled-card filter's build time from token strings, serialised
# size and chunks, false-positive rate over 1,000,000 tokens not in the set, and lookup ns/op.
# Usage: scripts/bench-filter.sh [size ...]   (default: 100000 5000000)
# Builds core (nothing is installed in ~/.m2). Pass Maven flags in MAVEN_ARGS (default -o, offline)
# and JVM flags in JAVA_OPTS (default -Xmx3g: five million token strings take about 600 MB).
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:--o} -pl core -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
# shellcheck disable=SC2086
exec java ${JAVA_OPTS:--Xmx3g} \
  -cp "core/target/test-classes:core/target/classes:$(cat core/target/bench-classpath.txt)" \
  org.culturecard.core.enrolment.EnrolledFilterBenchmark "$@"
