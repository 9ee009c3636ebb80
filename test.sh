#!/usr/bin/env bash
# Builds everything and runs every test (unit, firmware, end-to-end, short fuzz runs).
# Long fuzz runs (10 min each instead of 20 s): ./test.sh -Plong
set -euo pipefail
cd "$(dirname "$0")"
. tools/java-home.sh
exec ./mvnw -B -ntp verify "$@"
