#!/usr/bin/env bash
# System packages the test suite needs beyond PyPI: Debian's Chromium for the browser tests
# (tests/web, marked `browser`). Playwright drives it through executable_path; `playwright install`
# is never run, since it downloads its own browser.
# Idempotent: when /usr/bin/chromium is already there this only says so and exits at once.
set -euo pipefail

if command -v chromium >/dev/null 2>&1; then
    echo "test-deps: chromium already installed ($(command -v chromium)), nothing to do"
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
        SUDO="sudo -n"
    else
        echo "test-deps: chromium is missing and this is not root (no passwordless sudo):" >&2
        echo "test-deps: install it with 'apt-get install chromium'; the browser tests will fail without it" >&2
        exit 0
    fi
else
    SUDO=""
fi

if ! command -v apt-get >/dev/null 2>&1; then
    echo "test-deps: chromium is missing and apt-get is not available: install Chromium by hand" >&2
    exit 0
fi

echo "test-deps: installing Debian chromium with apt-get (update, then install)"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
echo "test-deps: installed $(chromium --version 2>/dev/null || echo chromium)"
