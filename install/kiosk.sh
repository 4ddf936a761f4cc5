#!/usr/bin/env bash
# Sets up a Culture Card kiosk on Debian 12 or Raspberry Pi OS (bookworm): packages, the service
# user, the polkit rule for pcscd, the ACR122U blacklist, the kiosk's bundle and scheme key, the
# application, the systemd units (kiosk in a cage session on tty1, sync agent) and journald limits.
# Idempotent: run it again after changing anything, it only changes what differs.
# ./install/kiosk.sh --help for the options; --dry-run prints what it would do and changes nothing.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source-path=SCRIPTDIR
# shellcheck source=lib/common.sh
source "$here/lib/common.sh"

usage() {
  cat <<'USAGE'
Usage: sudo install/kiosk.sh [options]

  --bundle DIR       the kiosk's bundle from 'provision kiosk create' (kiosk.properties,
                     sync.properties, kiosk.key, kiosk.crt, ca.crt, diag.key, diag.crt); installed in /etc/culturecard
  --scheme-key FILE  the scheme's HMAC key file from the council; installed as
                     /etc/culturecard/scheme.key, mode 0600
  --dist DIR         the built application: DIR/kiosk, DIR/sync-agent, DIR/provisioning, each with
                     its jar and a lib/ folder; installed in /opt/culturecard
  --no-start         install and enable, but do not (re)start the services
  --dry-run          print every step and command; change nothing (no root needed)
  -h, --help         this help

Exit codes: 0 done, 1 failed, 2 bad usage.
USAGE
}

bundle="" scheme_key="" dist="" start=1
while [ $# -gt 0 ]; do
  case "$1" in
    --bundle) bundle=${2:?--bundle needs a directory}; shift 2 ;;
    --scheme-key) scheme_key=${2:?--scheme-key needs a file}; shift 2 ;;
    --dist) dist=${2:?--dist needs a directory}; shift 2 ;;
    --no-start) start=0; shift ;;
    --dry-run) DRY_RUN=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done

USER_NAME=culturecard
ETC=/etc/culturecard
DATA=/var/lib/culturecard
OPT=/opt/culturecard

require_root
[ "$DRY_RUN" -eq 1 ] && echo "Dry run: nothing is changed."

step "Check the operating system"
check_os

step "Install packages (Java, pcscd and the CCID driver, the cage kiosk compositor, JavaFX's libraries)"
ensure_packages openjdk-17-jre pcscd libccid pcsc-tools cage xwayland sqlite3 rsync \
  libgtk-3-0 libxtst6 libgl1 libxxf86vm1 libfreetype6 libfontconfig1 \
  libpango-1.0-0 libpangoft2-1.0-0 libpangocairo-1.0-0 fonts-dejavu-core

step "Create the service user $USER_NAME (no login shell; video, input, render and audio for the screen)"
ensure_user "$USER_NAME" "$DATA" video input render audio

step "Create directories: $ETC (config, root:$USER_NAME 0750), $DATA (data, 0700), $OPT"
ensure_dir "$ETC" 0750 "root:$USER_NAME"
ensure_dir "$DATA" 0700 "$USER_NAME:$USER_NAME"
ensure_dir "$OPT" 0755 root:root

step "Allow $USER_NAME to use pcscd (polkit rule for org.debian.pcsc-lite.access_pcsc and access_card)"
ensure_dir /etc/polkit-1/rules.d 0755 root:root
install_file "$here/files/50-culturecard-pcsc.rules" /etc/polkit-1/rules.d/50-culturecard-pcsc.rules 0644 root:root

step "Blacklist the kernel NFC drivers (pn533_usb, pn533, nfc) that grab the ACR122U"
install_file "$here/files/culturecard-acr122u-blacklist.conf" /etc/modprobe.d/culturecard-acr122u-blacklist.conf 0644 root:root
for module in pn533_usb pn533 nfc; do
  if [ -d "/sys/module/$module" ]; then
    run modprobe -r "$module" || note "could not unload $module now; it stays out after a reboot"
  fi
done

step "Limit the journal (200 MB on disk, one month)"
ensure_dir /etc/systemd/journald.conf.d 0755 root:root
CHANGED=0
install_file "$here/files/journald-culturecard.conf" /etc/systemd/journald.conf.d/culturecard.conf 0644 root:root
if [ "$DRY_RUN" -eq 1 ] || [ "$CHANGED" -eq 1 ]; then
  run systemctl restart systemd-journald
fi

step "Let libccid pass LED and buzzer commands to ACS readers (ifdDriverOptions 0x0001)"
ccid_plist=/etc/libccid_Info.plist
if [ "$DRY_RUN" -eq 1 ]; then
  note "would set ifdDriverOptions to 0x0001 in $ccid_plist"
elif [ ! -f "$ccid_plist" ]; then
  note "no $ccid_plist (libccid not installed?); skipped"
elif grep -A1 '<key>ifdDriverOptions</key>' "$ccid_plist" | grep -q '0x0001'; then
  note "unchanged: $ccid_plist"
else
  sed -i '/<key>ifdDriverOptions<\/key>/{n;s/0x[0-9A-Fa-f]*/0x0001/}' "$ccid_plist"
  note "set ifdDriverOptions 0x0001 in $ccid_plist (pcscd reads it at start)"
fi

step "Install the kiosk bundle in $ETC (every file 0600, owned by $USER_NAME)"
if [ -n "$bundle" ]; then
  for file in kiosk.properties sync.properties kiosk.key kiosk.crt ca.crt diag.key diag.crt; do
    install_file "$bundle/$file" "$ETC/$file" 0600 "$USER_NAME:$USER_NAME"
  done
else
  note "no --bundle given; keeping what is in $ETC"
fi

step "Install the scheme key as $ETC/scheme.key (0600)"
if [ -n "$scheme_key" ]; then
  install_file "$scheme_key" "$ETC/scheme.key" 0600 "$USER_NAME:$USER_NAME"
else
  note "no --scheme-key given; keeping what is in $ETC"
fi

step "Install the application in $OPT (kiosk, sync-agent, provisioning)"
if [ -n "$dist" ]; then
  for app in kiosk sync-agent provisioning; do
    [ "$DRY_RUN" -eq 1 ] || [ -d "$dist/$app" ] || die "missing $dist/$app"
    run rsync -a --delete "$dist/$app/" "$OPT/$app/"
  done
  install_file "$(dirname "$here")/provision" /usr/local/bin/provision 0755 root:root
else
  note "no --dist given; keeping what is in $OPT"
fi

step "Install the systemd units (kiosk in a cage session on tty1, sync agent)"
install_file "$here/systemd/culturecard-kiosk.service" /etc/systemd/system/culturecard-kiosk.service 0644 root:root
install_file "$here/systemd/culturecard-sync.service" /etc/systemd/system/culturecard-sync.service 0644 root:root
run systemctl daemon-reload

step "Enable pcscd, the kiosk and the sync agent; boot to the kiosk"
run systemctl enable pcscd.socket
run systemctl enable culturecard-kiosk.service culturecard-sync.service
run systemctl set-default graphical.target
run systemctl disable getty@tty1.service

step "Start the services"
if [ "$start" -eq 1 ]; then
  run systemctl restart pcscd.socket
  run systemctl restart culturecard-sync.service culturecard-kiosk.service
else
  note "--no-start: not started"
fi

step "Done: check the kiosk with: provision doctor --config $ETC"
