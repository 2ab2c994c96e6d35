#!/usr/bin/env bash
# Install every Debian package that building, running and testing techmarket
# needs. Safe to run again: when everything is present it only checks and exits.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  librestinio-dev libasio-dev nlohmann-json3-dev libfmt-dev
  libsqlite3-dev sqlite3 libxapian-dev libicu-dev libsodium-dev
  libspdlog-dev libcli11-dev libtomlplusplus-dev libmagic-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  zstd curl python3 python3-yaml bc
  postgresql postgresql-contrib libpq-dev
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages are installed"
  exit 0
fi

echo "install-deps: installing ${missing[*]}"
sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
  sudo_cmd=(sudo)
fi
"${sudo_cmd[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
  "${missing[@]}"
