# shellcheck shell=bash
# shellcheck disable=SC2034 # CHANGED is read by the scripts that source this file
# Shared by install/kiosk.sh and install/central.sh: steps that print what they do, run commands
# unless --dry-run, and write files only when their content changes (so a re-run changes nothing).
# Sourced, not run.

DRY_RUN=0
# Set by --root DIR (tests, scripts/ops-walkthrough.sh): every installed path is under DIR, and
# nothing acts on the running system (no apt-get, systemctl or modprobe: there may be no systemd;
# the caller starts each service from its unit's ExecStart line). Service users are still created.
ROOT=""
# Set to 1 by install_file and write_file when they changed a file, for steps that reload a service.
CHANGED=0

# Prints a step's title: the dry run's output is the list of these.
step() {
  printf '==> %s\n' "$*"
}

# Prints a detail of the current step.
note() {
  printf '    %s\n' "$*"
}

# Runs "$@", or says it would.
run() {
  if [ "$DRY_RUN" -eq 1 ]; then
    printf '    would run: %s\n' "$*"
  else
    "$@"
  fi
}

# Runs "$@" on the running system (apt-get, systemctl, modprobe), or says it would; under --root it
# is never run.
system() {
  if [ -n "$ROOT" ]; then
    printf '    not run (--root %s): %s\n' "$ROOT" "$*"
  else
    run "$@"
  fi
}

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

require_root() {
  if [ "$DRY_RUN" -eq 0 ] && [ "$(id -u)" -ne 0 ]; then
    die "run as root (sudo $0), or with --dry-run to see what it would do"
  fi
}

# Warns unless this is Debian 12 or Raspberry Pi OS (bookworm).
check_os() {
  local id="" version=""
  if [ -r /etc/os-release ]; then
    # shellcheck disable=SC1091
    id=$(. /etc/os-release && printf '%s' "${ID:-}")
    # shellcheck disable=SC1091
    version=$(. /etc/os-release && printf '%s' "${VERSION_ID:-}")
  fi
  case "$id:$version" in
    debian:12|raspbian:12) note "found $id $version" ;;
    *) note "warning: made for Debian 12 and Raspberry Pi OS (bookworm), found '$id $version'" ;;
  esac
}

# Installs the packages of "$@" that are missing.
ensure_packages() {
  local pkg missing=()
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      missing+=("$pkg")
    fi
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    note "all installed: $*"
    return 0
  fi
  system apt-get update -qq
  system env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

# ensure_user NAME HOME [GROUP...]: a system user with no login shell, in the given groups.
ensure_user() {
  local name=$1 home=$2
  shift 2
  if id -u "$name" >/dev/null 2>&1; then
    note "user $name exists"
  else
    run useradd --system --home-dir "$home" --no-create-home --shell /usr/sbin/nologin --user-group "$name"
  fi
  local group
  for group in "$@"; do
    if getent group "$group" >/dev/null 2>&1; then
      run usermod -a -G "$group" "$name"
    else
      note "no group $group here; skipped"
    fi
  done
}

# ensure_dir PATH MODE OWNER:GROUP
ensure_dir() {
  run install -d -m "$2" -o "${3%%:*}" -g "${3##*:}" "$1"
}

# install_file SRC DEST MODE OWNER:GROUP: copies when the content differs, and fixes mode and owner.
install_file() {
  local src=$1 dest=$2 mode=$3 owner=$4
  if [ "$DRY_RUN" -eq 1 ]; then
    note "would install $dest (mode $mode, $owner) from $src"
    return 0
  fi
  [ -r "$src" ] || die "cannot read $src"
  if [ -f "$dest" ] && cmp -s "$src" "$dest"; then
    note "unchanged: $dest"
  else
    install -m "$mode" -o "${owner%%:*}" -g "${owner##*:}" "$src" "$dest"
    note "installed $dest"
    CHANGED=1
  fi
  chmod "$mode" "$dest"
  chown "$owner" "$dest"
}

# write_file DEST MODE OWNER:GROUP TEXT: writes TEXT when it differs from the file's content.
write_file() {
  local dest=$1 mode=$2 owner=$3 text=$4
  if [ "$DRY_RUN" -eq 1 ]; then
    note "would write $dest (mode $mode, $owner)"
    return 0
  fi
  if [ -f "$dest" ] && [ "$(cat "$dest")" = "$text" ]; then
    note "unchanged: $dest"
  else
    printf '%s\n' "$text" > "$dest.tmp.$$"
    install -m "$mode" -o "${owner%%:*}" -g "${owner##*:}" "$dest.tmp.$$" "$dest"
    rm -f "$dest.tmp.$$"
    note "wrote $dest"
    CHANGED=1
  fi
}

# set_root DIR: the --root option's value, as an absolute path.
set_root() {
  case "$1" in
    /*) ROOT=${1%/} ;;
    *) ROOT="$(pwd)/${1%/}" ;;
  esac
  [ -n "$ROOT" ] || die "--root / is the machine itself: leave --root out"
}

# The directory holding this checkout's install/ folder.
install_root() {
  cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd
}
