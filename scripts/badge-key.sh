#!/usr/bin/env bash
# Runs badge-key (org.culturecard.badges.keys.BadgeKeyCommand): makes or shows the Open Badges
# issuer's key file. Usage: scripts/badge-key.sh create --file FILE --key-id ID | show --file FILE
# Builds open-badges and what it needs in the reactor (nothing is installed in ~/.m2). Pass Maven
# flags in MAVEN_ARGS (default -o, offline).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:--o} -f "$root/pom.xml" -pl open-badges -am compile dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile=target/badge-key-classpath.txt >&2
exec java -cp "$root/open-badges/target/classes:$(cat "$root/open-badges/target/badge-key-classpath.txt")" \
  org.culturecard.badges.keys.BadgeKeyCommand "$@"
