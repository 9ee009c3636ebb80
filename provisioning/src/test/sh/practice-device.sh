#!/bin/bash
# A practice device for the walkthrough in provisioning/README.md, for trainers and developers
# without a Raspberry Pi: the same container the provisioning test uses (a systemd-nspawn container
# booted from a throwaway copy of this machine, with user "tech", a key and an sshd on 127.0.0.1),
# kept running until Ctrl-C or MINUTES have passed, then powered off and deleted. Needs root.
#
#   sudo unshare -m bash provisioning/src/test/sh/practice-device.sh provisioning/target/test-classes /tmp/practice [MINUTES]
#
# It prints the inventory lines and the ssh command to reach it. See test-device.sh for what
# differs from a real device (Debian 12 host, probe instead of the appliance, bus on a pty).
set -uo pipefail
PROBE=$(realpath "$1"); WORK=$2; MINUTES=${3:-60}
HERE=$(dirname "$0")
. "$HERE/throwaway-root.sh"
. "$HERE/test-device.sh"
[ -d "$PROBE/vn/motcua/provisioning" ] || { echo "no probe classes in $PROBE: run ./mvnw -pl provisioning -am package first" >&2; exit 2; }
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
tr_create "$WORK"
td_prepare "$WORK" "$PROBE" "$PORT"
tr_boot "$WORK" || exit 1
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
  motcua_display: false
  motcua_expected_devices: [bus]
EOF
trap 'exit 0' INT TERM   # so the EXIT trap of tr_boot powers the container off
sleep $((MINUTES * 60)) & wait $!
