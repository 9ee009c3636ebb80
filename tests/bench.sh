#!/usr/bin/env bash
# Runs a benchmark harness from tests/ with the test classpath. Usage: tests/bench.sh store [lifecycles]
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/java-home.sh
./mvnw -B -q -ntp install -DskipTests -DskipITs -pl tests -am
CP=$(cd tests && ../mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
mkdir -p target
case "${1:-store}" in
  store) shift || true; exec java -Xmx256m -cp "tests/target/test-classes:$CP" vn.motcua.tests.bench.StoreBenchmark "$@" ;;
  *) echo "unknown benchmark: $1 (known: store)" >&2; exit 2 ;;
esac
