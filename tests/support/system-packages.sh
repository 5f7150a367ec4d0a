#!/usr/bin/env bash
# Installs the Debian packages the tests need (MACHINE.md), only those missing. Idempotent: a no-op when all are
# present. As root it installs them; otherwise it prints the exact command to run and fails.
set -euo pipefail

packages=(pcscd libpcsclite-dev vsmartcard-vpcd opensc gnome-keyring libsecret-1-dev dbus dbus-x11 chromium xvfb
  xauth fonts-ipafont-gothic iproute2 openssl)

missing=()
for pkg in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$pkg")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "system packages: all present"
  exit 0
fi

if [[ $(id -u) -ne 0 ]]; then
  echo "system packages missing: ${missing[*]}" >&2
  echo "install them with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi

echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "system packages: done"
