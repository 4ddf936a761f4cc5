#!/usr/bin/env bash
# Renders every main kiosk screen (attract, results, reader unavailable, staff PIN pad and staff
# screens) headless (Monocle), at 1280x800, in English, in Polish and in the high-contrast theme,
# to docs/img/kiosk-*.png (or the directory given as $1). Needs core and card-reader installed in
# ~/.m2. Pass extra Maven flags in MAVEN_ARGS (e.g. MAVEN_ARGS=-o for offline).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-$PWD/docs/img}"
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl kiosk test-compile
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
# shellcheck disable=SC2086
mvn -B -q ${MAVEN_ARGS:-} -pl kiosk dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k \
  -Djava.awt.headless=true \
  -cp "kiosk/target/test-classes:kiosk/target/classes:$(cat "$cp_file")" \
  org.culturecard.kiosk.ScreenshotTool "$out"
