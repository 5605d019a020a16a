#!/usr/bin/env bash
# Makes sure the programs the test suites drive are on this machine: Debian's
# Chromium and Firefox ESR, PostgreSQL 15 with pgTAP and pg_prove, Xvfb and
# xdotool. Installs what is missing with apt-get when it can (root on
# Debian), and otherwise stops with one line saying what to install.
# No test ever downloads a browser.
set -euo pipefail

declare -A need=(
  [/usr/bin/chromium]=chromium
  [/usr/bin/firefox-esr]=firefox-esr
  [/usr/lib/postgresql/15/bin/initdb]=postgresql-15
  [/usr/bin/psql]=postgresql-client-15
  [/usr/share/postgresql/15/extension/pgtap.control]=postgresql-15-pgtap
  [/usr/bin/pg_prove]=libtap-parser-sourcehandler-pgtap-perl
  [/usr/bin/xvfb-run]=xvfb
  [/usr/bin/xauth]=xauth
  [/usr/bin/xdotool]=xdotool
)

missing=()
for path in "${!need[@]}"; do
  [ -e "$path" ] || missing+=("${need[$path]}")
done
[ ${#missing[@]} -eq 0 ] && exit 0

mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing test prerequisites: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing test prerequisites; install them with: sudo apt-get install -y ${missing[*]}" >&2
exit 1
