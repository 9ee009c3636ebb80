#!/usr/bin/env bash
# Called by Maven (process-test-classes): the firmware's own test command.
#   run-tests.sh [fuzz seconds]
# With CI=true every tool must be there (CI installs .ci/packages.txt) and a missing one fails.
# On a workstation, a missing avr-gcc or clang skips that part with a message.
set -euo pipefail
cd "$(dirname "$0")"
fuzz_seconds="${1:-20}"
skip=()
for tool in make cc; do
  if ! command -v "$tool" >/dev/null; then
    if [ "${CI:-}" = true ]; then echo "firmware: $tool missing (CI=true): failing" >&2; exit 1; fi
    echo "firmware: $tool missing: firmware tests skipped (apt-get install gcc make)"; exit 0
  fi
done
if ! command -v avr-gcc >/dev/null; then
  [ "${CI:-}" = true ] && { echo "firmware: avr-gcc missing (CI=true): failing" >&2; exit 1; }
  echo "firmware: avr-gcc missing: AVR build skipped (apt-get install gcc-avr avr-libc)"; skip+=(SKIP_AVR=1)
fi
if [ ! -f /usr/include/simavr/sim_avr.h ]; then
  [ "${CI:-}" = true ] && { echo "firmware: simavr missing (CI=true): failing" >&2; exit 1; }
  echo "firmware: simavr missing: AVR-in-simavr runner skipped (apt-get install simavr libsimavr-dev)"; skip+=(SKIP_SIMAVR=1)
fi
if ! command -v clang >/dev/null; then
  [ "${CI:-}" = true ] && { echo "firmware: clang missing (CI=true): failing" >&2; exit 1; }
  echo "firmware: clang missing: libFuzzer run skipped (apt-get install clang)"; skip+=(SKIP_FUZZ=1)
fi
exec make -s test FUZZ_SECONDS="$fuzz_seconds" "${skip[@]}"
