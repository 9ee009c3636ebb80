#!/bin/bash
# The real appliance, from the real .deb, started by the real motcua-appliance.service under a real
# systemd (PID 1 of a systemd-nspawn container booted from a throwaway copy of this machine, private
# network). The launcher in the package starts the JVM, which says READY=1 and pings the
# watchdog itself. Checks: start completes on READY (Type=notify), /healthz answers in the container,
# the watchdog keeps it alive past WatchdogSec; a ticket is taken; the JVM is frozen (SIGSTOP), so
# systemd's watchdog kills and restarts it, and the ticket is still there afterwards.
#
# What differs from a Raspberry Pi, on purpose:
# - Java: this Debian 12 host has no openjdk-25 package: tr_java (throwaway-root.sh) installs an
#   empty stand-in package and mounts this host's JDK 25 read-only at the Debian path
#   /usr/lib/jvm/java-25-openjdk-amd64; the shipped unit and launcher are unchanged. The same is
#   done for the provisioning test's device (test-device.sh).
# - Config: the demo office (simulated counter bus and printer, no reader, uplink off), data in
#   /var/lib/motcua as on a device.
# - Timing only (drop-in test-timing.conf): WatchdogSec and RestartSec shortened so the test takes
#   about a minute; every other line of the unit, hardening included, is the shipped one.
# Usage (inside unshare -m): appliance-under-systemd.sh DEB DEMO_CONF JDK WORKDIR
set -uo pipefail
DEB=$(realpath "$1"); CONF=$(realpath "$2"); JDK=$(realpath "$3"); WORK=$4
WATCHDOG_SEC=${MOTCUA_TEST_WATCHDOG_SEC:-15}
. "$(dirname "$0")/throwaway-root.sh"
UNIT=motcua-appliance.service

tr_create "$WORK"
R=$WORK/root
tr_java "$WORK" "$JDK" || { summary; exit 1; }
cp "$DEB" "$R/tmp/motcua.deb"
tr_run "$WORK" dpkg -i /tmp/motcua.deb > "$WORK/install.log" 2>&1
check "package installs with its dependency met (no --force)" grep -qx 'install ok installed' \
    <(tr_run "$WORK" dpkg-query -W -f='${Status}' motcua-appliance)
sed 's|^data_dir *=.*|data_dir       = "/var/lib/motcua"|' "$CONF" > "$R/etc/motcua/appliance.conf"
tr_run "$WORK" chown root:motcua /etc/motcua/appliance.conf && chmod 0640 "$R/etc/motcua/appliance.conf"
mkdir -p "$R/etc/systemd/system/$UNIT.d"
cat > "$R/etc/systemd/system/$UNIT.d/test-timing.conf" <<DROPIN
# Test timing only: shorter watchdog and restart delay than the shipped 30 s / 10 s.
[Service]
WatchdogSec=${WATCHDOG_SEC}s
RestartSec=1s
DROPIN
tr_boot "$WORK" --private-network "${TR_JAVA_BOOT[@]}" || { summary; exit 1; }
in_ct() { timeout 90 nsenter -t "$LEADER" -a "$@"; }
show() { in_ct systemctl show -P "$1" "$UNIT"; }
props() { local p; for p in "$@"; do show "$p"; done | tr '\n' ' '; }   # in the order asked
http() { in_ct curl -sS -m 10 -o /dev/stderr -w '%{http_code}' "$@" 2>"$WORK/body"; }
trap tr_halt EXIT
in_ct systemctl is-system-running --wait >/dev/null 2>&1

t0=$(date +%s)
check "start returns once the appliance says READY=1 (Type=notify)" in_ct systemctl start "$UNIT"
echo "started in $(( $(date +%s) - t0 )) s; status: $(show StatusText)"
check "service is active, Type=notify, shipped hardening in force" \
    test "$(props ActiveState Type ProtectSystem NoNewPrivileges User)" = 'active notify strict yes motcua '
check "STATUS= from the appliance shows in systemctl" grep -q '^serving' <(show StatusText)
pid1=$(show MainPID)
check "runs as user motcua" grep -qx motcua <(in_ct ps -o user= -p "$pid1")
check "the JVM is the one at the Debian path" grep -qx "$TR_DEBIAN_JVM/bin/java" <(in_ct readlink "/proc/$pid1/exe")
check "/healthz answers 200 inside the container" grep -qx 200 <(http http://127.0.0.1:8080/healthz)
cat "$WORK/body"; echo
code=$(http -X POST -H 'Content-Type: application/json' -d '{"service":"ho-tich"}' http://127.0.0.1:8080/api/tickets)
TICKET=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ticket"]["number"])' "$WORK/body" 2>/dev/null)
echo "took ticket ${TICKET:-none} (HTTP $code)"
check "a ticket is taken through the API" bash -c "[ '$code' = 201 ] || [ '$code' = 200 ] && [ -n '$TICKET' ]"

wd1=$(show WatchdogTimestampMonotonic)
sleep $((WATCHDOG_SEC + 3))
wd2=$(show WatchdogTimestampMonotonic)
echo "watchdog timestamps: $wd1 -> $wd2; status: $(show StatusText)"
check "alive past WatchdogSec=${WATCHDOG_SEC}s: same process, no restart" \
    test "$(props MainPID NRestarts ActiveState)" = "$pid1 0 active "
check "WATCHDOG=1 pings arrive (watchdog timestamp advances)" bash -c "[ '$wd2' -gt '$wd1' ]"

# Freeze the JVM: no thread runs, so no ping; systemd must notice, kill it and start a new one.
t0=$(date +%s)
in_ct kill -STOP "$pid1"
for _ in $(seq 1 $((WATCHDOG_SEC * 2 + 90))); do
    [ "$(show NRestarts)" -ge 1 ] 2>/dev/null && [ "$(show ActiveState)" = active ] && break
    sleep 0.5
done
echo "back after $(( $(date +%s) - t0 )) s"
in_ct journalctl -u "$UNIT" --no-pager -o cat | grep -vE '^\s*(at |- |")' | tail -15
check "systemd noticed the watchdog timeout" bash -c "nsenter -t $LEADER -a journalctl -u $UNIT --no-pager | grep -q 'Watchdog timeout'"
pid2=$(show MainPID)
check "restarted: NRestarts 1, active again, a new process" \
    bash -c "[ '$(props NRestarts ActiveState)' = '1 active ' ] && [ '$pid2' != '$pid1' ] && [ '$pid2' -gt 0 ]"
check "the frozen process is gone" bash -c "! nsenter -t $LEADER -a kill -0 $pid1"
# The JVM does not handle SIGABRT: it ends at once, by the signal, and prints no thread dump.
check "it ended by SIGABRT, with no thread dump in the journal" bash -c "nsenter -t $LEADER -a journalctl -u $UNIT --no-pager -o cat > '$WORK/journal.txt'; \
    grep -q 'Main process exited, code=[a-z]*, status=6/ABRT' '$WORK/journal.txt' && ! grep -q 'Full thread dump' '$WORK/journal.txt'"
check "/healthz answers 200 after the restart" grep -qx 200 <(http http://127.0.0.1:8080/healthz)
code=$(http "http://127.0.0.1:8080/api/tickets/$TICKET"); cat "$WORK/body"; echo
check "the ticket taken before the freeze is still there" bash -c "[ '$code' = 200 ] && grep -q '\"$TICKET\"' '$WORK/body'"

check "stop is clean (SIGTERM, shutdown hooks, STOPPING)" in_ct systemctl stop "$UNIT"
echo "after stop: $(show ActiveState), result $(show Result), exit status $(show ExecMainStatus)"
check "inactive after stop" grep -qx inactive <(show ActiveState)
check "result of the stop is success (exit 143 after SIGTERM is SuccessExitStatus)" grep -qx success <(show Result)
if [ "$FAILED" -gt 0 ]; then
    echo "--- diagnostics"; in_ct systemctl status "$UNIT" --no-pager | head -20; cat "$WORK/install.log"
fi
summary
