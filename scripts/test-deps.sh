#!/usr/bin/env bash
# System packages the test suite needs beyond PyPI: none yet (the browser tests add Chromium here).
set -euo pipefail
exit 0
