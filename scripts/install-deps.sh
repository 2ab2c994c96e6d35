#!/usr/bin/env bash
# Install every Debian package that building, running and testing techmarket
# needs. Safe to run again: when everything is present it only checks and exits.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git ca-certificates
  librestinio-dev libasio-dev nlohmann-json3-dev libfmt-dev
  libsqlite3-dev sqlite3 libxapian-dev libicu-dev libsodium-dev
  libspdlog-dev libcli11-dev libtomlplusplus-dev libmagic-dev
  libxlsxwriter-dev libzip-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  zstd curl python3 python3-yaml bc
  postgresql postgresql-contrib libpq-dev
  chromium
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q '^install ok installed$'; then
    missing+=("$package")
  fi
done

# Installs the web application's npm packages from web/package-lock.json,
# again only when the lock file changed since the last install.
install_web_packages() {
  local web_dir
  web_dir="$(dirname "$0")/../web"
  if ! command -v npm >/dev/null; then
    echo "install-deps: npm is missing; install Node.js 20 with npm to build web/" >&2
    exit 1
  fi
  if [[ -f "$web_dir/node_modules/.package-lock.json" &&
        "$web_dir/node_modules/.package-lock.json" -nt "$web_dir/package-lock.json" ]]; then
    echo "install-deps: web/node_modules is up to date"
    return
  fi
  (cd "$web_dir" && npm ci --no-audit --no-fund)
}

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#packages[@]} packages are installed"
  install_web_packages
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
install_web_packages
