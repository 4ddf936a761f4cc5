#!/usr/bin/env bash
# Follows docs/operations.md step by step on this machine, as a new IT administrator would, with
# the commands as the docs write them: build the applications, the scheme's CA, kiosk bundles in
# bulk (with the documented bad line, then fixed) and one by one, the scheme key, the broker
# config, install/central.sh, Mosquitto, central on a local PostgreSQL, install/kiosk.sh, the
# kiosk's sync agent, a check-in from the kiosk's outbox arriving in PostgreSQL, and
# 'provision doctor' passing. When docs/operations.md changes, this script changes with it.
#
# What differs from a real site (docs/operations.md, "The walkthrough script"): there is no systemd
# here, so the install scripts run with --root (central and the kiosk each get their own root under
# the work directory) and this script starts each service from its unit file's ExecStart line, as
# the unit's User; services listen on free loopback ports; there is no kiosk screen or reader, so
# the check-in is written to the kiosk's database the way the kiosk writes it, and doctor runs with
# --no-pcsc; central's API is plain HTTP on loopback. Needs root (the install scripts do), mosquitto, PostgreSQL 15, rsync, sqlite3, curl, openssl, unzip.
# Usage: scripts/ops-walkthrough.sh [--keep] [--no-build]   (--keep leaves the work directory)
# Exit code: 0 when every step passed, 1 otherwise. Everything it started is stopped on any exit.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

keep=0 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --keep) keep=1; shift ;;
    --no-build) build=0; shift ;;
    -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" -eq 0 ] || { echo "ops-walkthrough: run as root (the install scripts need it)" >&2; exit 1; }

work=$(mktemp -d /tmp/ops-walkthrough.XXXXXX)
chmod 0755 "$work" # the services' users (mosquitto, culturecard-central, culturecard) walk into it
logs=$work/logs
mkdir -p "$logs"
central_root=$work/central-root
kiosk_root=$work/kiosk-root
pg_bin=/usr/lib/postgresql/15/bin
pids=()
pg_data=""
started=$(date +%s)

teardown() {
  local rc=$?
  local pid
  for pid in "${pids[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ -n "$pg_data" ]; then
    runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  if [ "$rc" -ne 0 ]; then
    echo "ops-walkthrough: FAILED (exit $rc). The services' logs:" >&2
    for log in "$logs"/*.log "$work/pg/postgresql.log"; do
      [ -f "$log" ] || continue
      echo "---- $log (last 30 lines)" >&2
      tail -n 30 "$log" >&2
    done
  fi
  if [ "$keep" -eq 1 ]; then
    echo "ops-walkthrough: kept $work"
  else
    rm -rf "$work"
  fi
  echo "ops-walkthrough: $([ "$rc" -eq 0 ] && echo passed || echo failed) in $(( $(date +%s) - started )) s"
  exit "$rc"
}
trap teardown EXIT
trap 'exit 130' INT TERM

step() {
  printf '\n==== %s\n' "$*"
}

# Runs one documented command line, echoing it first, and checks its exit code (default 0).
doc() {
  local expect=0
  if [ "$1" = "--exit" ]; then
    expect=$2
    shift 2
  fi
  printf '$ %s\n' "$*"
  local rc=0
  "$@" || rc=$?
  if [ "$rc" -ne "$expect" ]; then
    echo "ops-walkthrough: '$*' exited $rc, the docs say $expect" >&2
    exit 1
  fi
}

# A loopback port nothing listens on (never a vpcd port: no connect is made to 35963/35964).
free_port() {
  local port
  while :; do
    port=$(( 20000 + RANDOM % 30000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
}

# wait_for SECONDS WHAT COMMAND...: polls COMMAND until it succeeds; fails naming WHAT at the deadline.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then
      echo "ops-walkthrough: no $what within $seconds s" >&2
      exit 1
    fi
    sleep 0.2
  done
}

# exec_start UNIT ROOT: the unit's (last) ExecStart command line, its installed paths under ROOT.
exec_start() {
  sed -n 's/^ExecStart=\(..*\)$/\1/p' "$1" | tail -n 1 \
    | sed -e "s#/etc/mosquitto/culturecard#$2/etc/mosquitto/culturecard#g" \
          -e "s#/etc/culturecard#$2/etc/culturecard#g" -e "s#/opt/culturecard#$2/opt/culturecard#g"
}

# start_unit NAME UNIT ROOT: starts the unit's ExecStart (paths under ROOT) as its User=, in its own
# process group, logging to logs/NAME.log.
start_unit() {
  local name=$1 unit=$2 root=$3 line user
  line=$(exec_start "$unit" "$root")
  user=$(sed -n 's/^User=//p' "$unit")
  local -a command
  eval "command=($line)"
  echo "$ ${user:+runuser -u $user -- }$line   # $name, from $(basename "$unit")"
  if [ -n "$user" ]; then
    setsid runuser -u "$user" -- "${command[@]}" >"$logs/$name.log" 2>&1 &
  else
    setsid "${command[@]}" >"$logs/$name.log" 2>&1 &
  fi
  pids+=("$!")
}

# expect WHAT COMMAND...: fails the walkthrough with WHAT unless COMMAND succeeds.
expect() {
  local what=$1
  shift
  "$@" || { echo "ops-walkthrough: $what" >&2; exit 1; }
}

listening() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

kiosk_port=$(free_port)
central_port=$(free_port)
http_port=$(free_port)
pg_port=$(free_port)
echo "ops-walkthrough: work directory $work; kiosks' broker port $kiosk_port, central's $central_port," \
  "HTTP $http_port, PostgreSQL $pg_port"
PATH="$repo:$PATH" # 'provision' as the docs write it: the launcher in the repository root

step "Building the applications"
if [ "$build" -eq 1 ]; then
  doc ./package -- -o
else
  doc scripts/check-dist.sh dist
fi

cd "$work"
step "1. The certificate authority"
doc provision ca init --dir scheme-ca
doc --exit 3 provision ca init --dir scheme-ca
expect "scheme-ca must be 0700 and ca.key 0600" [ "$(stat -c %a scheme-ca) $(stat -c %a scheme-ca/ca.key)" = "700 600" ]

step "2. The kiosk bundles (bulk CSV with a bad line, fixed, then one more kiosk)"
bundle_options=(--ca scheme-ca --out bundles --broker "ssl://localhost:$kiosk_port"
  --install-dir "$kiosk_root/etc/culturecard" --data-dir "$kiosk_root/var/lib/culturecard"
  --scheme-key "$kiosk_root/etc/culturecard/scheme.key")
cat > riverside.csv <<'CSV'
venue,kiosk,venue name
riverside-library,riverside-library-1,Riverside Library
riverside-library,riverside-library-2,Riverside Library
riverside-library,riverside-library-3,Riverside Library
riverside-library,riverside-library-4,Riverside Library
riverside-library,Riverside Library 5,Riverside Library
CSV
doc --exit 4 provision kiosk bulk --csv riverside.csv "${bundle_options[@]}" --no-progress
sed -i 's/^riverside-library,Riverside Library 5,/riverside-library,riverside-library-5,/' riverside.csv
doc provision kiosk bulk --csv riverside.csv "${bundle_options[@]}" --no-progress
doc provision kiosk create --venue riverside-library --id riverside-library-6 --venue-name "Riverside Library" \
  "${bundle_options[@]}"
for kiosk in 1 2 3 4 5 6; do
  expect "no bundle for kiosk $kiosk" [ -f "bundles/riverside-library-$kiosk/sync.properties" ]
done

step "The scheme key"
doc provision scheme-key create --out scheme.key
doc --exit 3 provision scheme-key create --out scheme.key
expect "scheme.key must be 0600" [ "$(stat -c %a scheme.key)" = 600 ]
expect "scheme.key must be 64 hex digits and a line feed (65 bytes)" [ "$(wc -c < scheme.key)" = 65 ]
expect "scheme.key must be 64 hex digits and a line feed" grep -Eqx '[0-9a-f]{64}' scheme.key

step "3. The broker"
doc provision broker config --ca scheme-ca --out broker --bundles bundles --host localhost \
  --bind 127.0.0.1 --port "$kiosk_port" --central-port "$central_port" \
  --install-dir "$central_root/etc/mosquitto/culturecard" --persistence-dir "$central_root/var/lib/mosquitto"

step "4. Central (PostgreSQL here is a private cluster standing in for Debian's postgresql.service)"
pg_data=$work/pg/data
install -d -o postgres -g postgres "$work/pg" "$work/pg/socket"
runuser -u postgres -- "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$logs/initdb.log"
runuser -u postgres -- "$pg_bin/pg_ctl" -D "$pg_data" -l "$work/pg/postgresql.log" \
  -o "-p $pg_port -k $work/pg/socket -c listen_addresses=127.0.0.1" -w start >/dev/null
export PGHOST=$work/pg/socket
doc "$repo/install/central.sh" --root "$central_root" --broker-config broker --dist "$repo/dist" \
  --db-port "$pg_port" --http-port "$http_port" --central-port "$central_port" --no-start
for file in mosquitto.conf acl ca.crt server.crt server.key; do
  owner_mode=$(stat -c '%U:%G %a' "$central_root/etc/mosquitto/culturecard/$file")
  expect "$file is $owner_mode, the docs say root:mosquitto 0640" [ "$owner_mode" = "root:mosquitto 640" ]
done
start_unit mosquitto "$repo/install/systemd/mosquitto-culturecard.conf" "$central_root"
wait_for 10 "Mosquitto listening on $kiosk_port" listening "$kiosk_port"
expect "Mosquitto, started as root, must run as user mosquitto" [ "$(ps -o user= -p "${pids[0]}")" = mosquitto ]
start_unit central "$repo/install/systemd/culturecard-central.service" "$central_root"
wait_for 60 "central's /health on $http_port" curl -fsS "http://127.0.0.1:$http_port/health"
expect "Mosquitto did not log the kiosks' listener" grep -q "listen socket on port $kiosk_port" "$logs/mosquitto.log"
# Give central the kiosk registry: one of central's admin tokens in a one-line 0600 file.
install -m 0600 /dev/null central-admin.token
sed -n 's/^central\.api\.admin-tokens=\([^,]*\).*/\1/p' "$central_root/etc/culturecard/central.properties" > central-admin.token
expect "central.properties has no central.api.admin-tokens" [ -s central-admin.token ]
doc provision kiosk register --bundles bundles --all --central "http://127.0.0.1:$http_port" --token-file central-admin.token

step "5. Each kiosk (riverside-library-1)"
doc "$repo/install/kiosk.sh" --root "$kiosk_root" --bundle bundles/riverside-library-1 --scheme-key scheme.key \
  --dist "$repo/dist" --no-start
etc=$kiosk_root/etc/culturecard
expect "the installed scheme key must be culturecard's, 0600" [ "$(stat -c '%U %a' "$etc/scheme.key")" = "culturecard 600" ]

# The kiosk (no screen here) would create its database at its first start. The sync agent brings a
# file the kiosk has not migrated yet to the current schema (kiosk-db, ADR 26), so this creates the
# empty file as the kiosk user, starts the agent, waits for the schema, and then writes a check-in
# and its outbox row in one transaction as the kiosk does, with sqlite3, as the kiosk user.
db=$kiosk_root/var/lib/culturecard/kiosk.db
uid=04a1b2c3d4e5f6
token=$(printf '%b' "$(printf '%s' "$uid" | sed 's/../\\x&/g')" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$(cat scheme.key)" | sed 's/.*= //')
now_ms=$(date +%s%3N)
rand=$(openssl rand -hex 10)
checkin_id=$(printf '%012x' "$now_ms" | sed 's/^\(........\)\(....\)$/\1-\2/')-7${rand:0:3}-8${rand:3:3}-${rand:6:12}
tapped_at=$(date -u -d "@$(( now_ms / 1000 ))" +%Y-%m-%dT%H:%M:%SZ)
payload=$(printf '{"id":"%s","seq":1,"token":"%s","eventId":null,"venueId":"riverside-library","kioskId":"riverside-library-1","tappedAt":"%s","clockSynced":true,"cardKind":"MIFARE_CLASSIC_1K","appVersion":"ops-walkthrough"}' \
  "$checkin_id" "$token" "$tapped_at")
runuser -u culturecard -- touch "$db"
start_unit sync-agent "$repo/install/systemd/culturecard-sync.service" "$kiosk_root"
migrated() {
  [ "$(sqlite3 "file:$db?mode=ro" "SELECT count(*) FROM flyway_schema_history WHERE success = 1")" -ge 2 ]
}
wait_for 60 "schema in $db, migrated by the sync agent" migrated
runuser -u culturecard -- sqlite3 "$db" >/dev/null <<SQL
PRAGMA busy_timeout=5000;
BEGIN IMMEDIATE;
INSERT INTO check_ins (id, seq, token, event_id, venue_id, kiosk_id, tapped_at, visit_day, clock_synced, card_kind, app_version)
  VALUES ('$checkin_id', 1, '$token', NULL, 'riverside-library', 'riverside-library-1', '$tapped_at', '${tapped_at:0:10}', 1, 'MIFARE_CLASSIC_1K', 'ops-walkthrough');
INSERT INTO outbox (seq, check_in_id, payload, created_at) VALUES (1, '$checkin_id', '$payload', '$tapped_at');
COMMIT;
SQL

step "The check-in arrives in PostgreSQL and is acknowledged"
stored() {
  [ "$(runuser -u postgres -- psql -p "$pg_port" -d culturecard -tAc \
    "SELECT count(*) FROM check_ins WHERE id = '$checkin_id' AND kiosk_id = 'riverside-library-1' AND token = '$token'")" = 1 ]
}
acknowledged() {
  [ "$(sqlite3 "file:$db?mode=ro" "SELECT count(*) FROM outbox WHERE seq = 1 AND delivered_at IS NOT NULL")" = 1 ]
}
wait_for 60 "check-in $checkin_id in PostgreSQL" stored
wait_for 60 "acknowledgement of check-in $checkin_id in the kiosk's outbox" acknowledged
echo "check-in $checkin_id stored by central and acknowledged to the kiosk"
if grep -q "$uid" "$logs"/*.log; then
  echo "ops-walkthrough: the card's UID appears in a log" >&2
  exit 1
fi

step "7. Check the kiosk"
doc provision doctor --config "$etc" --no-pcsc --time-url "http://127.0.0.1:$http_port/health"

step "Done: every step of docs/operations.md that this machine can run passed"
