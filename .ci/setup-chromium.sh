#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the HTML report's browser test, once: nothing
# happens when /usr/bin/chromium is already there. Called by the reports module's Maven build (the
# exec plugin, before its tests), so `mvn -B verify` on a fresh Debian machine sets itself up.
# Set MESHSIM_SKIP_BROWSER_TEST=1 to skip both this and the browser test. Fails loudly when Chromium
# is missing and cannot be installed, rather than letting the browser test pass unseen.
set -euo pipefail
if [ -x /usr/bin/chromium ] || [ "${MESHSIM_SKIP_BROWSER_TEST:-}" = 1 ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "setup-chromium: /usr/bin/chromium is missing and there is no apt-get here: install Chromium," \
    "or set MESHSIM_SKIP_BROWSER_TEST=1" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "setup-chromium: /usr/bin/chromium is missing, and installing it needs root (or password-less" \
      "sudo); install Debian's chromium package, or set MESHSIM_SKIP_BROWSER_TEST=1" >&2
    exit 1
  fi
fi
echo "setup-chromium: installing Debian's chromium package for the browser test" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q >&2
$sudo apt-get install -y -q --no-install-recommends chromium fonts-dejavu-core >&2
