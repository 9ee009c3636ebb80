#!/bin/bash
# Runs motcua-appliance.service under a real systemd (PID 1 of a systemd-nspawn container booted
# from a throwaway copy of this machine, private network), with the package installed and a test
# drop-in that makes ExecStart a probe using the real SystemdNotifier. Checks: start completes only
# on READY=1 (Type=notify), WATCHDOG=1 keeps it alive, a stopped watchdog gets it killed and
# restarted. Every other line of the unit, hardening included, is the shipped one.
# Usage (inside unshare -m): watchdog-under-systemd.sh DEB PROBE_CLASSES WORKDIR
set -uo pipefail
DEB=$(realpath "$1"); PROBE=$(realpath "$2"); WORK=$3
. "$(dirname "$0")/throwaway-root.sh"

tr_create "$WORK"
R=$WORK/root
cp "$DEB" "$R/tmp/motcua.deb"
tr_run "$WORK" dpkg --force-depends -i /tmp/motcua.deb >/dev/null 2>&1
check "package installed in the container root" test -f "$R/usr/lib/systemd/system/motcua-appliance.service"
mkdir -p "$R/opt/motcua-probe" && cp -r "$PROBE"/. "$R/opt/motcua-probe/"
JAVA=$(ls -d /usr/lib/jvm/temurin-25-*/bin/java /usr/lib/jvm/java-25-openjdk-*/bin/java 2>/dev/null | head -1)
mkdir -p "$R/etc/systemd/system/motcua-appliance.service.d"
cat > "$R/etc/systemd/system/motcua-appliance.service.d/probe.conf" <<UNIT
[Service]
ExecStart=
ExecStart=$JAVA --enable-native-access=ALL-UNNAMED -Xmx64m -cp /opt/motcua-probe:/usr/share/motcua/motcua-appliance.jar:/usr/share/motcua/lib/* vn.motcua.provisioning.WatchdogProbe /var/lib/motcua/hang-now
WatchdogSec=4s
RestartSec=1s
UNIT
tr_boot "$WORK" --private-network || { summary; exit 1; }
in_ct() { timeout 90 nsenter -t "$LEADER" -a "$@"; }
show() { in_ct systemctl show -P "$1" motcua-appliance.service; }
trap tr_halt EXIT

in_ct systemctl is-system-running --wait >/dev/null 2>&1
check "systemd booted as the container's PID 1" grep -qx systemd "/proc/$LEADER/comm"
check "start returns once READY=1 arrives (Type=notify)" in_ct systemctl start motcua-appliance.service
check "service is active" grep -qx active <(in_ct systemctl is-active motcua-appliance.service)
check "runs as user motcua" grep -qx motcua <(in_ct ps -o user= -p "$(show MainPID)")
wd1=$(show WatchdogTimestampMonotonic); sleep 5; wd2=$(show WatchdogTimestampMonotonic)
echo "watchdog timestamps: $wd1 -> $wd2; status: $(show StatusText)"
check "WATCHDOG=1 pings arrive (watchdog timestamp advances)" bash -c "[ '$wd2' -gt '$wd1' ]"
check "STATUS= text shows in systemctl" grep -q 'watchdog pings' <(show StatusText)
check "no restart while pinging" grep -qx 0 <(show NRestarts)
pid1=$(show MainPID)
touch "$R/var/lib/motcua/hang-now"
for _ in $(seq 1 40); do
    [ "$(show NRestarts)" -ge 1 ] 2>/dev/null && [ "$(in_ct systemctl is-active motcua-appliance.service)" = active ] && break
    sleep 0.5
done
in_ct journalctl -u motcua-appliance.service --no-pager -o cat | tail -12
check "watchdog timeout noticed by systemd" bash -c "nsenter -t $LEADER -a journalctl -u motcua-appliance.service --no-pager | grep -q 'Watchdog timeout'"
check "restarted after the watchdog stopped" bash -c "[ \"\$(nsenter -t $LEADER -a systemctl show -P NRestarts motcua-appliance.service)\" -ge 1 ]"
check "active again with a new process" bash -c "[ \"\$(nsenter -t $LEADER -a systemctl is-active motcua-appliance.service)\" = active ] && [ \"\$(nsenter -t $LEADER -a systemctl show -P MainPID motcua-appliance.service)\" != '$pid1' ]"
check "stop is clean (STOPPING, exit 143 counted as success)" in_ct systemctl stop motcua-appliance.service
check "not failed after stop" grep -qx inactive <(in_ct systemctl is-active motcua-appliance.service)
check "result of the stop is success" grep -qx success <(show Result)
summary
