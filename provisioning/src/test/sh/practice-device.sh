#!/bin/bash
# A practice device for the walkthrough in provisioning/README.md, for trainers and developers
# without a Raspberry Pi: the same container the provisioning test uses (a systemd-nspawn container
# booted from a throwaway copy of this machine, with user "tech", a key and an sshd on 127.0.0.1),
# kept running until Ctrl-C or MINUTES have passed, then powered off and deleted. Needs root.
#
#   sudo unshare -m bash provisioning/src/test/sh/practice-device.sh /tmp/practice [MINUTES] [JDK]
#
# It prints the inventory lines and the ssh command to reach it. Provisioning it installs and starts
# the real appliance from the package; JDK (default: this machine's Temurin 25) is its JVM, mounted
# at the Debian path. See test-device.sh for what differs from a real device (Debian 12 host, the
# JVM, bus on a pty, shared network).
set -uo pipefail
WORK=$1; MINUTES=${2:-60}
JDK=${3:-$(ls -d /usr/lib/jvm/temurin-25-* 2>/dev/null | head -1)}
HERE=$(dirname "$0")
. "$HERE/throwaway-root.sh"
. "$HERE/test-device.sh"
[ -x "$JDK/bin/java" ] || { echo "no JDK 25 at '$JDK': give its folder as the third argument" >&2; exit 2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
PORT=$(free_port); HTTP_PORT=$(free_port); LAN_PORT=$(free_port)
tr_create "$WORK"
td_prepare "$WORK" "$JDK" "$PORT" || exit 1
tr_boot "$WORK" "${TR_JAVA_BOOT[@]}" || exit 1
td_start "$WORK" "$PORT" || { echo "sshd in the practice device did not answer"; exit 1; }
cat <<EOF
Practice device up for $MINUTES minutes (Ctrl-C powers it off). Reach it with:
  ${TD_SSH[*]}
In the inventory (offices.yml), for the device, instead of a real ansible_host:
  ansible_host: 127.0.0.1
  ansible_port: $PORT
  ansible_ssh_private_key_file: $WORK/id_tech
  ansible_ssh_common_args: "-o UserKnownHostsFile=$WORK/known_hosts"
  motcua_supported_releases: [trixie, bookworm]   # the practice device runs this host's Debian 12
  motcua_screen: "off"                            # no HDMI in a container
  motcua_expected_devices: [bus]
  motcua_http_port: $HTTP_PORT                   # the device shares this machine's network:
  motcua_web_lan_bind: 127.0.0.1                  # free ports on loopback only
  motcua_web_lan_port: $LAN_PORT
EOF
trap 'exit 0' INT TERM   # so the EXIT trap of tr_boot powers the container off
sleep $((MINUTES * 60)) & wait $!
