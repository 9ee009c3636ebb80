#!/usr/bin/env bash
# Builds the appliance (first run downloads Maven and the dependencies) and starts the demo:
# the example office with simulated devices, H2 under ./data, no MQTT broker needed. Ctrl-C stops it.
set -euo pipefail
cd "$(dirname "$0")"
. tools/java-home.sh
./mvnw -B -q -ntp -DskipTests -pl appliance -am package
exec java -Xmx128m -XX:+UseSerialGC -Djava.awt.headless=true --enable-native-access=ALL-UNNAMED \
  -jar appliance/target/motcua-appliance.jar --config appliance/src/main/dist/demo.conf --demo "$@"
