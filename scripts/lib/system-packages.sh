# shellcheck shell=bash
# Shared by ./run-tests and ./demo: which Debian packages the project needs, and installing them.
# Sourced, not run. Every function prints what it does; nothing here downloads anything but apt packages.

# Packages the tests need: real pcscd with the vpcd virtual reader, Mosquitto, PostgreSQL, a display
# for screenshots, JavaFX's native libraries, the script and unit checkers, and what
# scripts/ops-walkthrough.sh and the install scripts use (rsync, sqlite3, curl, openssl, unzip).
# shellcheck disable=SC2034 # used by the scripts that source this file
TEST_PACKAGES=(pcscd vsmartcard-vpcd pcsc-tools mosquitto postgresql xvfb xauth chromium chromium-driver
  libgtk-3-0 libxtst6 libgl1 libxxf86vm1 libfreetype6 libfontconfig1
  libpango-1.0-0 libpangoft2-1.0-0 libpangocairo-1.0-0 fonts-dejavu-core
  shellcheck procps systemd
  rsync sqlite3 curl openssl unzip)

# Packages the kiosk window needs (JavaFX's native libraries).
# shellcheck disable=SC2034
DEMO_PACKAGES=(libgtk-3-0 libxtst6 libgl1 libxxf86vm1 libfreetype6 libfontconfig1
  libpango-1.0-0 libpangoft2-1.0-0 libpangocairo-1.0-0 fonts-dejavu-core)

# Prints the packages of "$@" that are not installed.
missing_packages() {
  local pkg
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      printf '%s\n' "$pkg"
    fi
  done
}

# Installs the missing packages of "$@" when we are root; otherwise says what to run. Returns 1 when
# packages are missing and could not be installed.
ensure_packages() {
  local missing
  mapfile -t missing < <(missing_packages "$@")
  if [ "${#missing[@]}" -eq 0 ]; then
    return 0
  fi
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing system packages: ${missing[*]}" >&2
    echo "Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
    return 1
  fi
  echo "Installing system packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # policy-rc.d stops the packages' own services from starting: tests start private instances.
  local policy=/usr/sbin/policy-rc.d created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod 755 "$policy" && created_policy=1
  fi
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
  local rc=$?
  [ "$created_policy" -eq 1 ] && rm -f "$policy"
  return $rc
}

# Maven and a JDK 17+ are the build's own prerequisites.
ensure_build_tools() {
  if ! command -v mvn >/dev/null 2>&1 || ! command -v javac >/dev/null 2>&1; then
    ensure_packages maven openjdk-17-jdk-headless || return 1
  fi
}
