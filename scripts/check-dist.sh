#!/usr/bin/env bash
# Checks that a dist/ made by ./package holds what the systemd units start: for every ExecStart
# of install/systemd/culturecard-*.service, each classpath entry under /opt/culturecard exists in
# DIST with its jars, and the unit's main class is in one of them. The kiosk's lib/ must also hold
# JavaFX's platform jars. Used by ./package and .ci/run (ADR 19).
# Usage: scripts/check-dist.sh [DIST]   (default dist). Exit code 0 when all is there, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
failed=0

fail() {
  printf 'check-dist: %s\n' "$*" >&2
  failed=1
}

for unit in install/systemd/culturecard-*.service; do
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
  [ -n "$exec_start" ] || { fail "$unit has no ExecStart"; continue; }
  classpath=$(printf '%s\n' "$exec_start" | sed -n 's/.* -cp "\([^"]*\)".*/\1/p')
  main_class=$(printf '%s\n' "$exec_start" | sed -n 's/.* -cp "[^"]*" \([A-Za-z0-9_.]*\).*/\1/p')
  if [ -z "$classpath" ] || [ -z "$main_class" ]; then
    fail "$unit: no -cp \"...\" MainClass in its ExecStart"
    continue
  fi
  jars=()
  IFS=: read -r -a entries <<< "$classpath"
  for entry in "${entries[@]}"; do
    case "$entry" in
      /opt/culturecard/*/\*) dir="$dist/${entry#/opt/culturecard/}"; dir=${dir%/\*} ;;
      *) fail "$unit: classpath entry $entry is not a /opt/culturecard/APP[/lib]/* folder"; continue ;;
    esac
    shopt -s nullglob
    found=("$dir"/*.jar)
    shopt -u nullglob
    [ "${#found[@]}" -gt 0 ] || fail "$unit: $dir holds no jar (for $entry)"
    jars+=("${found[@]}")
  done
  class_file="${main_class//.//}.class"
  holder=""
  for jar in "${jars[@]}"; do
    if unzip -Z1 "$jar" "$class_file" >/dev/null 2>&1; then
      holder=$jar
      break
    fi
  done
  if [ -n "$holder" ]; then
    echo "check-dist: $(basename "$unit"): $main_class in $holder (${#jars[@]} jars)"
  else
    fail "$unit: $main_class is in none of the ${#jars[@]} jars under $dist"
  fi
done

shopt -s nullglob
javafx=("$dist"/kiosk/lib/javafx-graphics-*-linux*.jar)
shopt -u nullglob
[ "${#javafx[@]}" -gt 0 ] || fail "$dist/kiosk/lib has no JavaFX platform jar (javafx-graphics-*-linux*.jar)"
[ -f "$dist/provisioning/provisioning.jar" ] || fail "$dist/provisioning/provisioning.jar is missing (the provision launcher runs it)"

exit "$failed"
