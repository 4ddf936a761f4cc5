#!/usr/bin/env bash
# Sets up Culture Card central on Debian 12: Mosquitto with the config 'provision broker config'
# wrote, a PostgreSQL database and role, central's config and its systemd unit.
# Idempotent: run it again after changing anything, it only changes what differs; the database
# password is made once and kept.
# ./install/central.sh --help for the options; --dry-run prints what it would do and changes nothing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"

usage() {
  cat <<'USAGE'
Usage: sudo install/central.sh [options]

  --broker-config DIR  the output of 'provision broker config' (mosquitto.conf, acl, server.crt,
                       server.key, ca.crt, central-ca.crt, central/); installed in /etc/mosquitto/culturecard
  --dist DIR           the built application: DIR/central and DIR/provisioning, each with its jar
                       and a lib/ folder; installed in /opt/culturecard
  --db-name NAME       the PostgreSQL database (default culturecard)
  --db-user NAME       the PostgreSQL role central uses (default culturecard_central)
  --http-port PORT     central's HTTP API port (default 8080)
  --central-port PORT  central's own listener in the broker config, on loopback (default 8884;
                       'provision broker config --central-port')
  --no-start           install and enable, but do not (re)start the services
  --dry-run            print every step and command; change nothing (no root needed)
  -h, --help           this help

Exit codes: 0 done, 1 failed, 2 bad usage.
USAGE
}

broker_config="" dist="" db_name=culturecard db_user=culturecard_central http_port=8080 central_port=8884 start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --broker-config) broker_config=${2:?--broker-config needs a directory}; shift 2 ;;
    --dist) dist=${2:?--dist needs a directory}; shift 2 ;;
    --db-name) db_name=${2:?--db-name needs a name}; shift 2 ;;
    --db-user) db_user=${2:?--db-user needs a name}; shift 2 ;;
    --http-port) http_port=${2:?--http-port needs a number}; shift 2 ;;
    --central-port) central_port=${2:?--central-port needs a number}; shift 2 ;;
    --no-start) start=0; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$db_name$db_user" in
  *[!a-z0-9_]*) echo "--db-name and --db-user take a-z, 0-9 and _ only" >&2; exit 2 ;;
esac

USER_NAME=culturecard-central
ETC=/etc/culturecard
OPT=/opt/culturecard
MQTT_DIR=/etc/mosquitto/culturecard
CONFIG=$ETC/central.properties

require_root
[ "$DRY_RUN" -eq 1 ] && echo "Dry run: nothing is changed."

step "Check the operating system"
check_os

step "Install packages (Mosquitto, PostgreSQL 15, Java)"
ensure_packages mosquitto postgresql openjdk-17-jre-headless rsync

step "Create the service user $USER_NAME (no login shell)"
ensure_user "$USER_NAME" "$OPT"

step "Install the broker config in $MQTT_DIR (readable by mosquitto only)"
ensure_dir "$MQTT_DIR" 0750 root:mosquitto
if [ -n "$broker_config" ]; then
  for file in mosquitto.conf acl ca.crt central-ca.crt server.crt; do
    install_file "$broker_config/$file" "$MQTT_DIR/$file" 0640 root:mosquitto
  done
  install_file "$broker_config/server.key" "$MQTT_DIR/server.key" 0640 root:mosquitto
  if [ "$DRY_RUN" -eq 1 ] || [ -f "$broker_config/crl.pem" ]; then
    install_file "$broker_config/crl.pem" "$MQTT_DIR/crl.pem" 0640 root:mosquitto
  fi
else
  note "no --broker-config given; keeping what is in $MQTT_DIR"
fi

step "Run Mosquitto with the generated config (systemd drop-in for mosquitto.service)"
ensure_dir /etc/systemd/system/mosquitto.service.d 0755 root:root
install_file "$here/systemd/mosquitto-culturecard.conf" /etc/systemd/system/mosquitto.service.d/culturecard.conf 0644 root:root
ensure_dir /var/lib/mosquitto 0750 mosquitto:mosquitto

step "Install central's client certificate in $ETC/central (CN central)"
ensure_dir "$ETC" 0750 "root:$USER_NAME"
ensure_dir "$ETC/central" 0750 "root:$USER_NAME"
if [ -n "$broker_config" ]; then
  for file in central.crt central.key ca.crt; do
    install_file "$broker_config/central/$file" "$ETC/central/$file" 0640 "root:$USER_NAME"
  done
else
  note "no --broker-config given; keeping what is in $ETC/central"
fi

step "Create the PostgreSQL role $db_user and database $db_name"
run systemctl enable --now postgresql.service
if [ "$DRY_RUN" -eq 1 ]; then
  note "would create role $db_user with a new random password (kept in $CONFIG) unless it exists"
  note "would create database $db_name owned by $db_user unless it exists"
else
  password=""
  if [ -f "$CONFIG" ]; then
    password=$(sed -n 's/^central\.db\.password=//p' "$CONFIG")
  fi
  [ -n "$password" ] || password=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  read_token="" admin_token=""
  if [ -f "$CONFIG" ]; then
    read_token=$(sed -n 's/^central\.api\.read-tokens=//p' "$CONFIG")
    admin_token=$(sed -n 's/^central\.api\.admin-tokens=//p' "$CONFIG")
  fi
  [ -n "$read_token" ] || read_token=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  [ -n "$admin_token" ] || admin_token=$(head -c 24 /dev/urandom | base64 | tr -d '/+=')
  if [ "$(runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$db_user'")" = "1" ]; then
    note "role $db_user exists"
  else
    runuser -u postgres -- psql -q -c "CREATE ROLE $db_user LOGIN PASSWORD '$password'"
  fi
  if [ "$(runuser -u postgres -- psql -tAc "SELECT 1 FROM pg_database WHERE datname = '$db_name'")" = "1" ]; then
    note "database $db_name exists"
  else
    runuser -u postgres -- createdb -O "$db_user" -E UTF8 "$db_name"
  fi
fi

step "Write central's config $CONFIG (0640; the database password and API tokens are made once and kept)"
if [ "$DRY_RUN" -eq 0 ]; then
  write_file "$CONFIG" 0640 "root:$USER_NAME" "# Culture Card central, written by install/central.sh
central.jdbc.url=jdbc:postgresql://127.0.0.1:5432/$db_name
central.db.user=$db_user
central.db.password=$password
central.mqtt.uri=ssl://localhost:$central_port
central.mqtt.ca-cert=$ETC/central/ca.crt
central.mqtt.client-cert=$ETC/central/central.crt
central.mqtt.client-key=$ETC/central/central.key
# The API listens on loopback only. To expose it, put a TLS reverse proxy in front (docs/operations.md)
# or set central.http.host with central.http.tls.cert and central.http.tls.key (ADR 0016).
central.http.host=127.0.0.1
central.http.port=$http_port
# Officer (read-tokens) and admin tokens; add named tokens for the other roles (auditor, researcher,
# venue-manager) as central.api.tokens.<name>.role/.secret-sha256/.venues (docs/operations.md).
central.api.read-tokens=$read_token
central.api.admin-tokens=$admin_token"
else
  note "would write $CONFIG (jdbc:postgresql://127.0.0.1:5432/$db_name, ssl://localhost:$central_port with $ETC/central/central.crt, HTTP port $http_port)"
fi

step "Install the application in $OPT (central, provisioning)"
if [ -n "$dist" ]; then
  ensure_dir "$OPT" 0755 root:root
  for app in central provisioning; do
    [ "$DRY_RUN" -eq 1 ] || [ -d "$dist/$app" ] || die "missing $dist/$app"
    run rsync -a --delete "$dist/$app/" "$OPT/$app/"
  done
  install_file "$(dirname "$here")/provision" /usr/local/bin/provision 0755 root:root
else
  note "no --dist given; keeping what is in $OPT"
fi

step "Install the central systemd unit"
install_file "$here/systemd/culturecard-central.service" /etc/systemd/system/culturecard-central.service 0644 root:root
run systemctl daemon-reload
run systemctl enable mosquitto.service culturecard-central.service

step "Start the services"
if [ "$start" -eq 1 ]; then
  run systemctl restart mosquitto.service
  run systemctl restart culturecard-central.service
else
  note "--no-start: not started"
fi

step "Done: fleet status at http://localhost:$http_port/api/kiosks"
