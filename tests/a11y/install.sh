#!/usr/bin/env bash
# Installs axe-core (exact version and integrity from package-lock.json) into tests/a11y/node_modules for
# AccessibilityTest. Run by the tests module's build (tests/pom.xml, execution "axe-core"), so both README commands
# and any `./mvnw ... -pl tests` get it; the appliance never loads it.
#
# Without npm this prints why and exits 0: the build goes on and AccessibilityTest then skips with that reason, or
# fails under CI=true (a missing program never passes silently there). A failing `npm ci` fails the build.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "tests/a11y: npm not found: AccessibilityTest will skip (fail under CI=true); apt-get install npm" >&2
  exit 0
fi
# npm ci wipes and reinstalls node_modules; skip it when the lock installed last time is the lock now, so a
# second build needs no registry.
stamp=node_modules/.motcua-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f node_modules/axe-core/axe.min.js ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
  exit 0
fi
npm ci --no-audit --no-fund --loglevel=error
echo "$want" > "$stamp"
