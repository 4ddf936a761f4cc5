#!/usr/bin/env bash
# Checks that a dist/ made by ./package holds what the systemd units start: for every ExecStart
# of install/systemd/culturecard-*.service, each classpath entry under /opt/culturecard exists in
# DIST with its jars, and the unit's main class is in one of them. A unit that starts a launcher
# (the kiosk's bin/culturecard-kiosk) is checked for the launcher's classpath and main class, and the
# launcher is run twice to make and then map its AppCDS archive (ADR 0030). The kiosk's lib/ must
# also hold JavaFX's platform jars. Used by ./package and .ci/run (ADR 19).
# Usage: scripts/check-dist.sh [DIST]   (default dist). Exit code 0 when all is there, 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
failed=0

fail() {
  printf 'check-dist: %s\n' "$*" >&2
  failed=1
}

# Starts the launcher twice with ClassDataArchive as the main class: the first start must write the
# AppCDS archive, the second map it (with this machine's JVM; a kiosk makes its own on its first start).
check_launcher() {
  local unit=$1 script=$2 cds first second
  cds=$(mktemp -d)
  first=$(CULTURECARD_KIOSK_CDS_DIR="$cds" CULTURECARD_KIOSK_MAIN=org.culturecard.kiosk.cds.ClassDataArchive \
    "$script" 2>&1 | tail -1) || true
  second=$(CULTURECARD_KIOSK_CDS_DIR="$cds" CULTURECARD_KIOSK_MAIN=org.culturecard.kiosk.cds.ClassDataArchive \
    "$script" 2>&1 | tail -1) || true
  rm -rf "$cds"
  if [ "$first" = "WRITTEN" ] && [ "$second" = "IN_USE" ]; then
    echo "check-dist: $(basename "$unit"): $script made its AppCDS archive, then mapped it"
  else
    fail "$unit: $script: first start '$first' (want WRITTEN), second '$second' (want IN_USE)"
  fi
}

for unit in install/systemd/culturecard-*.service; do
  exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
  [ -n "$exec_start" ] || { fail "$unit has no ExecStart"; continue; }
  classpath=$(printf '%s\n' "$exec_start" | sed -n 's/.* -cp "\([^"]*\)".*/\1/p')
  main_class=$(printf '%s\n' "$exec_start" | sed -n 's/.* -cp "[^"]*" \([A-Za-z0-9_.]*\).*/\1/p')
  launcher=$(printf '%s\n' "$exec_start" | grep -o '/opt/culturecard/[a-z-]*/bin/[a-z-]*' || true)
  if [ -n "$launcher" ]; then
    # A launcher script (the kiosk's, ADR 0030): it runs APP/* and APP/lib/* and its default main class.
    app_dir=${launcher#/opt/culturecard/}; app_dir=${app_dir%%/*}
    script="$dist/${launcher#/opt/culturecard/}"
    [ -x "$script" ] || { fail "$unit: $script is missing or not executable"; continue; }
    classpath="/opt/culturecard/$app_dir/*:/opt/culturecard/$app_dir/lib/*"
    main_class=$(sed -n 's/.*_MAIN:-\([A-Za-z0-9_.]*\)}.*/\1/p' "$script" | head -1)
    check_launcher "$unit" "$script"
  fi
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
