#!/usr/bin/env sh
# The browser tests need Chromium. Use CHROMIUM_PATH or Debian's /usr/bin/chromium; where it is
# missing and we are root on Debian, install it from Debian's packages (Playwright's own
# download cannot reach its servers from these machines).
set -eu
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
if [ -z "${CHROMIUM_PATH:-}" ]; then
  echo "Chromium not found; trying Playwright's download..."
  npx playwright install chromium && exit 0
fi
echo "✘ ERROR: no Chromium at $browser. Install it (apt-get install chromium) or set CHROMIUM_PATH." >&2
exit 1
