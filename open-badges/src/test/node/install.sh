#!/usr/bin/env bash
# Installs the independent Open Badges verifier's node modules (package-lock.json, npm ci) for
# open-badges' IndependentVerifierIT, when they are missing or older than the lock file; otherwise does
# nothing, so it is quick and works offline once installed. Run by ./run-tests.
# Without node and npm: installs Debian's nodejs and npm when root, else says so. With CI=true, a
# verifier that cannot be installed is a failure (exit 1); otherwise a warning (the IT then skips).
set -euo pipefail
cd "$(dirname "$0")"

fail_or_warn() {
  echo "open-badges verifier: $1" >&2
  if [ "${CI:-}" = "true" ]; then
    exit 1
  fi
  exit 0
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y --no-install-recommends nodejs npm >&2 || fail_or_warn "apt-get install nodejs npm failed"
  else
    fail_or_warn "node and npm are missing (sudo apt-get install nodejs npm)"
  fi
fi

if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "open-badges verifier: node modules are current"
  exit 0
fi
echo "open-badges verifier: npm ci in $(pwd)"
npm ci --no-audit --no-fund --prefer-offline >&2 || fail_or_warn "npm ci failed"
