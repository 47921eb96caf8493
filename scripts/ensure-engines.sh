#!/usr/bin/env bash
# Makes sure the end-to-end journeys have their three engines: Chromium (as setup:chromium
# finds or installs it), and Debian's firefox-esr, webkit2gtk-driver (WebKitWebDriver and
# MiniBrowser) and xvfb, installed with apt when absent and we are root on Debian. Elsewhere
# it says what is missing: the journeys then skip that engine with one line (never on CI).
set -euo pipefail
bash "$(dirname "$0")/ensure-chromium.sh"
missing=()
[ -n "${FIREFOX_PATH:-}" ] || [ -x /usr/bin/firefox-esr ] || [ -x /usr/bin/firefox ] || missing+=(firefox-esr)
[ -x "${WEBKIT_WEBDRIVER:-/usr/bin/WebKitWebDriver}" ] || missing+=(webkit2gtk-driver)
[ -x /usr/bin/Xvfb ] || missing+=(xvfb)
if [ ${#missing[@]} -eq 0 ]; then
  echo "Firefox, WebKit and Xvfb for the journeys: present"
elif command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "Installing Debian's ${missing[*]} for the journeys..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "Not installed: ${missing[*]} (Debian package names). Their journeys will be skipped here."
fi
