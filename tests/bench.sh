#!/usr/bin/env bash
# Runs a benchmark harness from tests/ with the test classpath.
# Usage: tests/bench.sh store [lifecycles] | history [days] | day-scale [tickets] [window] | memory [days] [tickets] | pi-budget [cold-runs] [window]
# MOTCUA_BENCH_OPTS: more JVM options for the benchmark's own JVM (e.g. -Dmotcua.bench.only=commands for pi-budget).
set -euo pipefail
cd "$(dirname "$0")/.."
. tools/java-home.sh
./mvnw -B -q -ntp install -DskipTests -DskipITs -Dmotcua.jazzer=false -pl tests -am
CP=$(cd tests && ../mvnw -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
mkdir -p target
# the benchmarks that start the real appliance process find its jar and the demo config from the repository root
APP=(-Dmotcua.applianceJar=appliance/target/motcua-appliance.jar -Dmotcua.demoConf=appliance/src/main/dist/demo.conf
     -Dmotcua.launcher=systemd/bin/motcua-appliance)
case "${1:-store}" in
  store) shift || true; exec java -Xmx256m -cp "tests/target/test-classes:$CP" vn.motcua.tests.bench.StoreBenchmark "$@" ;;
  history) shift || true; exec java -Xmx256m "${APP[@]}" -cp "tests/target/test-classes:$CP" \
      vn.motcua.tests.bench.HistoryBenchmark "$@" ;;
  day-scale) shift || true; exec java -Xmx256m "${APP[@]}" -cp "tests/target/test-classes:$CP" \
      vn.motcua.tests.bench.DayScaleBenchmark "$@" ;;
  memory) shift || true; exec java -Xmx256m "${APP[@]}" -cp "tests/target/test-classes:$CP" \
      vn.motcua.tests.bench.MemoryBudgetBenchmark "$@" ;;
  pi-budget) shift || true; exec java -Xmx256m "${APP[@]}" ${MOTCUA_BENCH_OPTS:-} -cp "tests/target/test-classes:$CP" \
      vn.motcua.tests.bench.PiBudgetBenchmark "$@" ;;
  *) echo "unknown benchmark: $1 (known: store, history, day-scale, memory, pi-budget)" >&2; exit 2 ;;
esac
