#!/bin/bash
# The provisioning command against real targets over real SSH:
#   targets = two systemd-nspawn containers booted (real systemd as PID 1) from throwaway copies of
#   this machine (throwaway-root.sh), each with a real sshd started by this script (127.0.0.1 and
#   127.0.0.2, free ports), a generated host key, a test technician "tech" with sudo and the same
#   authorized technician key, as in an office district provisioned from one laptop.
# Sequence: dry run on both fresh devices, apply to both in one run (in parallel), apply again
# (nothing changes on either), dry run again (same: nothing), then on the first device: update to
# a newer package, roll back, a touch-kiosk dry run; bad inventory refused.
# Usage (inside unshare -m): provision-over-ssh.sh DEB JDK REPO WORKDIR
set -uo pipefail
DEB=$(realpath "$1"); JDK=$(realpath "$2"); REPO=$(realpath "$3"); WORK=$4
. "$(dirname "$0")/throwaway-root.sh"
PROVISION="$REPO/provisioning/motcua-provision"
free_port() { python3 -c 'import socket,sys; s=socket.socket(); s.bind((sys.argv[1],0)); print(s.getsockname()[1])' "${1:-127.0.0.1}"; }
SSH_PORT=$(free_port); HTTP_PORT=$(free_port); LAN_PORT=$(free_port); BROKER_PORT=$(free_port)
# The second device: its sshd and LAN port on another loopback address, its own free ports.
ADDR2=127.0.0.2
SSH_PORT2=$(free_port $ADDR2); HTTP_PORT2=$(free_port); LAN_PORT2=$(free_port $ADDR2)
VERSION=$(dpkg-deb -f "$DEB" Version)
T0=$(date +%s)

WORK2=$WORK/dev2
tr_create "$WORK"
tr_create "$WORK2"
R=$WORK/root
R2=$WORK2/root

. "$(dirname "$0")/test-device.sh"   # user tech, keys, sshd, the JVM: what differs is listed there
td_prepare "$WORK" "$JDK" "$SSH_PORT" || { summary; exit 1; }
# One technician, one key (authorized on both devices), one known_hosts file with both host keys.
cp "$WORK/id_tech" "$WORK/id_tech.pub" "$WORK2/"
td_prepare "$WORK2" "$JDK" "$SSH_PORT2" "$ADDR2" || { summary; exit 1; }
cat "$WORK2/known_hosts" >> "$WORK/known_hosts"
tr_boot "$WORK" "${TR_JAVA_BOOT[@]}" || { summary; exit 1; }
LEADER1=$LEADER
tr_boot "$WORK2" "${TR_JAVA_BOOT[@]}" || { summary; exit 1; }
LEADER2=$LEADER
LEADER=$LEADER1   # the checks below look at the first device unless they say otherwise
in_ct() { timeout 90 nsenter -t "$LEADER1" -a "$@"; }
in_ct2() { timeout 90 nsenter -t "$LEADER2" -a "$@"; }
trap tr_halt EXIT
td_start "$WORK2" "$SSH_PORT2" "$ADDR2" "$LEADER2"
SSH2=(ssh -i "$WORK/id_tech" -p "$SSH_PORT2" -o UserKnownHostsFile="$WORK/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes "tech@$ADDR2")
td_start "$WORK" "$SSH_PORT" 127.0.0.1 "$LEADER1"
SSH=("${TD_SSH[@]}")
check "test sshd accepts the technician's key (host key checked)" "${SSH[@]}" sudo -n true
check "second device's sshd on $ADDR2 accepts the same key (its own host key checked)" "${SSH2[@]}" sudo -n true
echo "two devices up in $(( $(date +%s) - T0 )) s"

# --- Technician's side: releases, secrets, inventory --------------------------------------------
mkdir -p "$WORK/debs" "$WORK/secrets/q1-bennghe-01" "$WORK/secrets/q1-dakao-01"
cp "$DEB" "$WORK/debs/motcua-appliance_${VERSION}_all.deb"
dpkg-deb -R "$DEB" "$WORK/next" && sed -i 's/^Version: .*/Version: 99.0.0-1/' "$WORK/next/DEBIAN/control"
dpkg-deb --root-owner-group -b "$WORK/next" "$WORK/debs/motcua-appliance_99.0.0-1_all.deb" >/dev/null
printf 'test-broker-password\n' > "$WORK/secrets/q1-bennghe-01/mqtt-password"
printf 'second-device-password\n' > "$WORK/secrets/q1-dakao-01/mqtt-password"   # and no CA: a public one
# The district's CA: a real certificate, so the uplink's trust store loads (no broker answers here).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=quan1-test-ca -days 2 \
    -keyout "$WORK/ca.key" -out "$WORK/secrets/q1-bennghe-01/ca.crt" 2>/dev/null
# The first manager's password hash, as `StaffAccountsTool hash` printed it for 'quan-ly-dau-tien' (the password
# itself is in no file the technician hands over: only the login check below knows it).
MANAGER_HASH='$argon2id$v=19$m=19456,t=2,p=1$KK8k0lWv00Jbv3UT2tUEfw$HohprtA6LttpJHOHEpvaJuFh7hpbR0pXdP9j5oCiRdg'
write_inventory() {  # $1 = broker url, $2 = file (default the inventory every run below reads)
cat > "${2:-$WORK/inventory.yml}" <<INV
all:
  vars:
    ansible_user: tech
    ansible_ssh_private_key_file: $WORK/id_tech
    ansible_ssh_common_args: "-o UserKnownHostsFile=$WORK/known_hosts -o StrictHostKeyChecking=yes"
    motcua_version: "$VERSION"
    motcua_supported_releases: [trixie, bookworm]   # the test device is this Debian 12 host
    motcua_screen: "off"                            # no HDMI in a container
    motcua_expected_devices: [bus]                  # only the bus has a stand-in here
    motcua_web_lan: true                            # HTTPS staff pages: keystore made, [web.lan] rendered
    motcua_broker_url: "$1"
    motcua_hours:                                   # open whenever the test runs, so a ticket can be taken
      {days: [MON, TUE, WED, THU, FRI, SAT, SUN], opens: "00:00", closes: "24:00", lunch_starts: "12:00", lunch_ends: "12:00"}
  children:
    quan1:
      vars:
        motcua_district: quan-1
      hosts:
        q1-bennghe-01:
          ansible_host: 127.0.0.1
          ansible_port: $SSH_PORT
          motcua_http_port: $HTTP_PORT
          motcua_web_lan_bind: 127.0.0.1                # the containers share this machine's network
          motcua_web_lan_port: $LAN_PORT
          motcua_device_id: q1-bennghe-01
          motcua_office: phuong-ben-nghe
          motcua_office_name_vi: "UBND Phường Bến Nghé — Bộ phận Một cửa"
          motcua_office_name_en: "Ben Nghe Ward — One-Stop Office"
          motcua_mqtt_username: q1-bennghe-01
          motcua_first_manager: {name: chi, password_hash: '$MANAGER_HASH'}
          motcua_services:
            - {code: ho-tich, name_vi: "Hộ tịch", name_en: "Civil status", prefix: A}
            - {code: dat-dai, name_vi: "Đất đai", name_en: "Land", prefix: B}
          motcua_counters:
            - {number: 1, bus_address: 1, services: [ho-tich]}
            - {number: 2, bus_address: 5, services: [ho-tich, dat-dai]}
        q1-dakao-01:                                    # the second device, provisioned in the same runs
          ansible_host: $ADDR2
          ansible_port: $SSH_PORT2
          motcua_http_port: $HTTP_PORT2
          motcua_web_lan_bind: $ADDR2
          motcua_web_lan_port: $LAN_PORT2
          motcua_device_id: q1-dakao-01
          motcua_office: phuong-da-kao
          motcua_office_name_vi: "UBND Phường Đa Kao — Bộ phận Một cửa"
          motcua_office_name_en: "Da Kao Ward — One-Stop Office"
          motcua_mqtt_username: q1-dakao-01
          motcua_services:
            - {code: chung-thuc, name_vi: "Chứng thực", name_en: "Certification", prefix: C}
          motcua_counters:
            - {number: 1, bus_address: 3, services: [chung-thuc]}
          # A hall display, really applied: page written, unit enabled (not started: no tty1 here).
          # Of its packages only those this machine already has (it has no cage to install).
          motcua_screen: display
          motcua_screen_packages: [chromium, fonts-noto-core]
INV
}
BROKER="ssl://127.0.0.1:$BROKER_PORT"   # nothing listens: the district link is down, as it may be for days
write_inventory "$BROKER"
prov() { local log=$1; shift; "$PROVISION" -i "$WORK/inventory.yml" --debs "$WORK/debs" --secrets "$WORK/secrets" "$@" > "$WORK/$log.log" 2>&1; local rc=$?; sed -n '/==== motcua provisioning report/,$p' "$WORK/$log.log"; return $rc; }
# report_of HOST LOG: that device's lines of the run's report; tasks VERB LOG [HOST]: the tasks the
# report lists as changed (or would change), of one device or of all, one a line, sorted.
report_of() { sed -n '/^==== motcua provisioning report/,$p' "$WORK/$2.log" | awk -v h="$1" '/^[^ ]/ { on = ($1 == h) } on'; }
tasks() { if [ -n "${3:-}" ]; then report_of "$3" "$2"; else cat "$WORK/$2.log"; fi \
    | grep -E "^  $1: " | sed "s/^  $1: //" | tr ';' '\n' | sed 's/^ *//' | sort; }
timed() { local t=$(date +%s); "$@"; local rc=$?; echo "$(( $(date +%s) - t )) s: $*" >> "$WORK/times.txt"; return $rc; }
D1=q1-bennghe-01 D2=q1-dakao-01

check "dry run on two fresh devices succeeds" timed prov dry1 --check
check "dry run changed nothing on either device" bash -c "[ ! -e '$R/etc/motcua/appliance.conf' ] && [ ! -e '$R2/etc/motcua/appliance.conf' ]"
check "one apply provisions both devices, both healthy" timed prov apply1
report_of $D1 apply1 > "$WORK/apply1.$D1"; report_of $D2 apply1 > "$WORK/apply1.$D2"
check "apply made changes on both, each ok" bash -c "grep -q '^Applied [1-9][0-9]* change(s) on 2 device(s)' '$WORK/apply1.log' \
    && grep -qx '$D1 *ok' '$WORK/apply1.$D1' && grep -qx '$D2 *ok' '$WORK/apply1.$D2'"
# Ansible runs each task on every device at once (forks 20) before the next task: both devices
# install the package in the same step of the one run.
check "one run, both devices at once: the package installed on both in the same step" bash -c \
    "awk '/^TASK \[/ { on = /Install motcua-appliance/ } on' '$WORK/apply1.log' | grep -c -E '^changed: \[($D1|$D2)\]' | grep -qx 2"
echo "plan (dry run, $D1):"; tasks "would change" dry1 $D1 | sed 's/^/  /'
echo "done (apply, $D1):";   tasks changed apply1 $D1 | sed 's/^/  /'
check "dry run predicted exactly what apply changed, on $D1" diff <(tasks "would change" dry1 $D1) <(tasks changed apply1 $D1)
check "dry run predicted exactly what apply changed, on $D2" diff <(tasks "would change" dry1 $D2) <(tasks changed apply1 $D2)
timed prov apply2 > /dev/null; RC=$?
check "second apply changes nothing on either device and says so" bash -c "[ $RC = 0 ] \
    && grep -qx 'No changes: every device already matches the inventory.' '$WORK/apply2.log' \
    && [ \"\$(grep -c '^  changed: nothing$' '$WORK/apply2.log')\" = 2 ]"
check "dry run after apply shows the same (empty) plan for both" grep -qx 'No changes: every device already matches the inventory.' <(timed prov dry2 --check)
check "report: bus found, clock state shown" grep -qE "clock .* \| bus=found printer=MISSING reader=MISSING" <(report_of $D1 apply2)
echo "report of the second run:"; sed -n '/^==== motcua provisioning report/,$p' "$WORK/apply2.log"
# No board on the bus's pty, no printer: device faults, which the report shows as warnings, while
# the device counts as provisioned (service active, /healthz answering, nothing else faulty).
check "report: service active, healthz answering with device warnings only, on both" \
    test "$(grep -c 'service active | healthz warnings' "$WORK/apply2.log")" = 2
check "report warns: counter bus boards 1 and 5 do not answer" grep -qE "^  warning counter-bus: board_offline \(0/2 boards online.*board 1 .*board 5 " <(report_of $D1 apply2)
check "report warns: no printer on /dev/motcua-printer" grep -q "^  warning printer: " <(report_of $D1 apply2)
check "report: no FAULT line (store, web, accounts ... all ok)" bash -c "! grep -q '^  FAULT ' '$WORK/apply2.log'"

# The second device: its own office, config and appliance, and a hall display really configured.
check "$D2: its own config (device id, its one counter on board 3, no district CA: the system's bundle)" /usr/bin/python3 -c "
import sys, tomllib
c = tomllib.load(open(sys.argv[1], 'rb'))
assert c['appliance']['device_id'] == '$D2', c['appliance']
assert c['devices']['counter_bus']['boards'] == [{'address': 3, 'counter': 1}], c['devices']
assert c['uplink']['ca_file'] == '/etc/ssl/certs/ca-certificates.crt', c['uplink']
" "$R2/etc/motcua/appliance.conf"
check "$D2: password of its own, 0600 motcua" bash -c "grep -qx 'mqtt.password=second-device-password' '$R2/etc/motcua/secrets/uplink.secrets' \
    && [ \"\$(nsenter -t $LEADER2 -a stat -c '%U %a' /etc/motcua/secrets/uplink.secrets)\" = 'motcua 600' ]"
check "$D2: its appliance serves its own service and counter" /usr/bin/python3 -c "
import json, sys
q = json.load(sys.stdin)
assert [s['code'] for s in q['services']] == ['chung-thuc'] and [c['number'] for c in q['counters']] == [1], q
" < <(in_ct2 curl -sS -m 10 "http://127.0.0.1:$HTTP_PORT2/api/queue")
check "$D2: hall display page written, screen unit enabled" bash -c "grep -qx 'MOTCUA_SCREEN_URL=http://127.0.0.1:$HTTP_PORT2/display' '$R2/etc/default/motcua-kiosk' \
    && [ \"\$(nsenter -t $LEADER2 -a systemctl is-enabled motcua-kiosk.service)\" = enabled ]"
report_of $D1 apply2 > "$WORK/apply2.$D1"; report_of $D2 apply2 > "$WORK/apply2.$D2"
check "$D2: report shows the screen's unit enabled and not running, as a warning" bash -c \
    "grep -qx '  screen display http://127.0.0.1:$HTTP_PORT2/display | motcua-kiosk enabled, inactive' '$WORK/apply2.$D2' \
    && grep -q '^  warning screen: motcua-kiosk inactive' '$WORK/apply2.$D2'"
check "$D2: its LAN certificate names it and its own address" bash -c "openssl pkcs12 -in '$R2/etc/motcua/web-tls.p12' -passin 'file:$R2/etc/motcua/web-tls.secret' -nokeys -clcerts 2>/dev/null \
    | openssl x509 -noout -ext subjectAltName | grep -q 'DNS:$D2, DNS:$D2.local.*IP Address:$ADDR2'"
# Asked while the second device still runs (nsenter into a powered-off one fails, and "!" would pass).
check "$D2: no first manager in its inventory, no accounts file" bash -c "nsenter -t $LEADER2 -a true && ! nsenter -t $LEADER2 -a test -e /var/lib/motcua/staff.accounts"
if [ "$FAILED" -gt 0 ]; then echo "--- diagnostics: appliance journal in the second container"; in_ct2 journalctl -u motcua-appliance.service --no-pager | tail -30; fi
# The rest is about the first device: the second is powered off now, so its JVM does not slow the
# update and rollback down on a small CI machine (the refused inventory below is checked on the
# laptop before any device is contacted, so it includes the second device all the same). It powers
# off in the background while the checks of the first device below run (they need no Ansible).
tr_halt_one "${TR_NSPAWNS[1]}" "$LEADER2" &

# The device itself, looked at directly.
check "config rendered from inventory" grep -qE '^device_id += "q1-bennghe-01"' "$R/etc/motcua/appliance.conf"
check "rendered config is valid TOML; office name and board 5 -> counter 2 survive" /usr/bin/python3 -c "
import sys, tomllib
c = tomllib.load(open(sys.argv[1], 'rb'))
assert c['appliance']['office_name_vi'] == 'UBND Phường Bến Nghé — Bộ phận Một cửa', c['appliance']
assert {'address': 5, 'counter': 2} in c['devices']['counter_bus']['boards'], c['devices']
assert c['uplink']['broker'] == '$BROKER' and 'ca_file' in c['uplink']
assert [s['code'] for s in c['services']] == ['ho-tich', 'dat-dai']
" "$R/etc/motcua/appliance.conf"
check "both counters in config" test "$(grep -c '^\[\[counters\]\]' "$R/etc/motcua/appliance.conf")" -eq 2
check "password copied, mode 0600, owner motcua" grep -qx 'motcua 600' <(in_ct stat -c '%U %a' /etc/motcua/secrets/uplink.secrets)
check "password content intact, as the uplink reads it" grep -qx 'mqtt.password=test-broker-password' "$R/etc/motcua/secrets/uplink.secrets"
check "password never printed" bash -c "! grep -q test-broker-password '$WORK'/*.log"
check "time sync configured and enabled" bash -c "grep -q '^NTP=' '$R/etc/systemd/timesyncd.conf.d/60-motcua.conf' && nsenter -t $LEADER -a systemctl is-enabled systemd-timesyncd.service"
check "hardware watchdog 14 s, at run time and while rebooting (BCM2835 limit about 15 s)" bash -c \
    "grep -qx 'RuntimeWatchdogSec=14s' '$R/etc/systemd/system.conf.d/60-motcua-watchdog.conf' && grep -qx 'RebootWatchdogSec=14s' '$R/etc/systemd/system.conf.d/60-motcua-watchdog.conf'"
check "time zone Asia/Ho_Chi_Minh" grep -qx 'Asia/Ho_Chi_Minh' "$R/etc/timezone"
check "appliance enabled and active under systemd" bash -c "nsenter -t $LEADER -a systemctl is-enabled motcua-appliance.service && nsenter -t $LEADER -a systemctl is-active motcua-appliance.service"

# The real appliance, from the package, under the shipped unit, running the rendered config.
PID=$(in_ct systemctl show -P MainPID motcua-appliance.service)
check "the service's process is the JVM at the Debian path, as user motcua" test "$(in_ct readlink "/proc/$PID/exe") $(in_ct ps -o user= -p "$PID")" = "$TR_DEBIAN_JVM/bin/java motcua"
check "no drop-in changes the shipped unit" test -z "$(in_ct systemctl show -P DropInPaths motcua-appliance.service)"
check "it runs the rendered /etc/motcua/appliance.conf" grep -q -- '--config /etc/motcua/appliance.conf' <(in_ct cat "/proc/$PID/cmdline" | tr '\0' ' ')
in_ct curl -sS -m 10 -o /dev/stdout "http://127.0.0.1:$HTTP_PORT/healthz" > "$WORK/healthz.json"
check "report's healthz parts are the appliance's own /healthz parts" test \
    "$(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["parts"]))' "$WORK/healthz.json")" = \
    "$(report_of $D1 apply2 | sed -n 's/^  healthz parts: //p')"
check "/healthz: store open, uplink waiting for the district (no broker), web_lan on its port" /usr/bin/python3 -c "
import json, sys
p = json.load(open(sys.argv[1]))['parts']
assert p['store']['state'] == 'open' and p['uplink']['ok'] and p['web_lan']['ok'], p
assert '127.0.0.1:$LAN_PORT' in p['web_lan']['state'], p['web_lan']
" "$WORK/healthz.json"
check "the appliance serves the inventory's services and counters" /usr/bin/python3 -c "
import json, sys
q = json.load(sys.stdin)
assert [s['code'] for s in q['services']] == ['ho-tich', 'dat-dai'], q['services']
assert [(c['number'], c['services']) for c in q['counters']] == [(1, ['ho-tich']), (2, ['ho-tich', 'dat-dai'])], q['counters']
" < <(in_ct curl -sS -m 10 "http://127.0.0.1:$HTTP_PORT/api/queue")

# HTTPS for the LAN staff pages: a keystore Java opens, made once, its fingerprint in the report.
TLS=$R/etc/motcua/web-tls.p12; TLS_PW=$R/etc/motcua/web-tls.secret
fp_file() { openssl pkcs12 -in "$TLS" -passin "file:$TLS_PW" -nokeys -clcerts 2>/dev/null | openssl x509 -noout -fingerprint -sha256 | sed 's/^.*=//'; }
fp_report() { report_of $D1 "$1" | sed -n 's/^  staff pages .* certificate SHA-256 //p'; }
FP=$(fp_file); echo "LAN certificate SHA-256 $FP"
check "keystore and password file: mode 0600, owner motcua" grep -qx 'motcua 600 motcua 600' \
    <(in_ct stat -c '%U %a' /etc/motcua/web-tls.p12 /etc/motcua/web-tls.secret | tr '\n' ' ' | sed 's/ $//')
check "password file is one line" test "$(wc -l < "$TLS_PW")" -eq 1
check "Java 25 opens the keystore with that password: one private key with its certificate" bash -c \
    "'$JDK/bin/keytool' -list -storetype PKCS12 -keystore '$TLS' -storepass:file '$TLS_PW' | grep -q PrivateKeyEntry"
check "certificate names the device and its address" bash -c "openssl pkcs12 -in '$TLS' -passin 'file:$TLS_PW' -nokeys -clcerts 2>/dev/null \
    | openssl x509 -noout -ext subjectAltName | grep -q 'DNS:q1-bennghe-01, DNS:q1-bennghe-01.local.*IP Address:127.0.0.1'"
check "no private key left in PEM form on the device" bash -c "! grep -rl 'PRIVATE KEY' '$R/etc/motcua'"
check "[web.lan] rendered with the keystore" /usr/bin/python3 -c "
import sys, tomllib
lan = tomllib.load(open(sys.argv[1], 'rb'))['web']['lan']
assert lan == {'enabled': True, 'bind': '127.0.0.1', 'port': $LAN_PORT, 'keystore': '/etc/motcua/web-tls.p12',
               'keystore_password_file': '/etc/motcua/web-tls.secret'}, lan
" "$R/etc/motcua/appliance.conf"
check "report prints the certificate's SHA-256 fingerprint" bash -c "[ '$(fp_report apply1)' = '$FP' ] && [[ '$FP' =~ ^([0-9A-F]{2}:){31}[0-9A-F]{2}$ ]]"
check "second run: same certificate, reported again" test "$(fp_report apply2)" = "$FP"
check "dry run reads the fingerprint too" test "$(fp_report dry2)" = "$FP"
# The LAN listener of the running appliance presents that certificate, and it checks out for the
# device's name when pinned (what a counter PC does once the technician accepted the fingerprint).
served_fp() { in_ct openssl s_client -connect "127.0.0.1:$LAN_PORT" -servername q1-bennghe-01 </dev/null 2>/dev/null \
    | openssl x509 -noout -fingerprint -sha256 | sed 's/^.*=//'; }
check "LAN HTTPS port serves the certificate whose fingerprint the report prints" test "$(served_fp)" = "$FP"
openssl pkcs12 -in "$TLS" -passin "file:$TLS_PW" -nokeys -clcerts 2>/dev/null | openssl x509 > "$R/var/tmp/lan-cert.pem"
check "curl with that certificate pinned gets the staff login over HTTPS by the device's name" grep -qE '^(200|302|303)$' \
    <(in_ct curl -sS -m 10 -o /dev/null -w '%{http_code}' --cacert /var/tmp/lan-cert.pem \
        --resolve "q1-bennghe-01:$LAN_PORT:127.0.0.1" "https://q1-bennghe-01:$LAN_PORT/counter")
check "dry run on the fresh device planned the certificate" grep -q 'LAN staff pages certificate' <(tasks "would change" dry1)

# The first manager, from the inventory's hash: a fresh device's /manager is usable without a shell.
in_ct stat -c '%U %a' /var/lib/motcua/staff.accounts > "$WORK/accounts-mode.txt" 2>&1
in_ct cat /var/lib/motcua/staff.accounts > "$WORK/accounts.txt" 2>&1
in_ct curl -sS -m 20 -D - -H 'Content-Type: application/json' \
    -d '{"user":"chi","password":"quan-ly-dau-tien"}' "http://127.0.0.1:$HTTP_PORT/counter/login" > "$WORK/manager-login.json" 2>&1
MANAGER_COOKIE=$(sed -n 's/^[Ss]et-[Cc]ookie: \(motcua_staff=[^;]*\);.*/\1/p' "$WORK/manager-login.json" | head -1)
in_ct curl -sS -m 10 -H "Cookie: $MANAGER_COOKIE" "http://127.0.0.1:$HTTP_PORT/manager/staff" > "$WORK/manager-staff.json" 2>&1
check "first manager written once from the inventory's hash alone, 0600 motcua" bash -c \
    "grep -qx 'motcua 600' '$WORK/accounts-mode.txt' && [ \"\$(cat '$WORK/accounts.txt')\" = 'chi:*:$MANAGER_HASH:manager:active' ] \
    && ! grep -rq quan-ly-dau-tien '$WORK'/*.log '$WORK/inventory.yml'"
check "the first manager logs in and the staff screen lists the account" bash -c \
    "grep -q '\"role\":\"manager\"' '$WORK/manager-login.json' && grep -q '\"name\":\"chi\"' '$WORK/manager-staff.json'"

# Update and roll back; a ticket taken before both is still there after them (/var/lib/motcua kept).
in_ct curl -sS -m 10 -H 'Content-Type: application/json' -d '{"service":"dat-dai"}' "http://127.0.0.1:$HTTP_PORT/api/tickets" > "$WORK/ticket.json"
TICKET=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["ticket"]["number"])' "$WORK/ticket.json" 2>/dev/null)
echo "ticket taken: ${TICKET:-none} ($(head -c 300 "$WORK/ticket.json"))"
check "a ticket is taken from the provisioned appliance" test -n "$TICKET"
check "update to 99.0.0-1" prov update --limit $D1 --version 99.0.0-1
check "report shows 99.0.0-1, the appliance up again" grep -q 'version 99.0.0-1 | service active | healthz warnings' "$WORK/update.log"
check "roll back to $VERSION" prov rollback --limit $D1 --version "$VERSION"
check "report shows $VERSION after rollback" grep -q "version $VERSION | service active | healthz warnings" "$WORK/rollback.log"
check "ticket $TICKET taken before the update is still there after the rollback" grep -qx 200 \
    <(in_ct curl -sS -m 10 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$HTTP_PORT/api/tickets/$TICKET")
check "certificate never replaced by update and rollback" test "$(fp_report rollback) $(fp_file)" = "$FP $FP"
check "both package files kept on the device for offline rollback" test -e "$R/var/cache/motcua/debs/motcua-appliance_99.0.0-1_all.deb"

# Three runs that change nothing on the device, at once (each is a dry run or refused before any device
# is contacted, so none sees another's work; Ansible is CPU-bound and a single run leaves part of the
# machine idle while it waits on SSH and the device):
# - a district whose broker has a certificate from a public CA gives no ca.crt: the appliance refuses
#   ssl:// without ca_file, so the plan points it at the system's CA bundle instead (secrets without ca.crt);
# - the screen. The test device has none (motcua_screen off: no HDMI in a container), and this machine
#   has no cage to install, so switching the touch kiosk on is checked as a dry run: it plans the screen
#   packages (apt simulates installing cage), the kiosk page and enabling the one unit, and the report
#   shows the unit as systemd has it now;
# - bad inventory: refused with a message naming the field, nothing on the device touched.
check "screen off: kiosk unit disabled, hall display page written, no screen line in the report" bash -c \
    "[ \"\$(nsenter -t $LEADER -a systemctl is-enabled motcua-kiosk.service)\" = disabled ] \
     && grep -qx 'MOTCUA_SCREEN_URL=http://127.0.0.1:$HTTP_PORT/display' '$R/etc/default/motcua-kiosk' && ! grep -q '^  screen ' '$WORK/apply2.$D1'"
cp -r "$WORK/secrets" "$WORK/secrets-noca" && rm "$WORK/secrets-noca/q1-bennghe-01/ca.crt"
before=$(md5sum "$R/etc/motcua/appliance.conf")
write_inventory "http://evil host;rm -rf /" "$WORK/inventory-bad.yml"
# in_bg NAME CMD...: CMD in the background (its output in WORK/NAME.log), its exit status in WORK/NAME.rc.
# Waited for by pid: a bare `wait` would wait for the containers' nspawn too.
BG=()
in_bg() { local name=$1; shift; { "$@" > "$WORK/$name.out" 2>&1; echo $? > "$WORK/$name.rc"; } & BG+=($!); }
in_bg noca timed prov noca --check --limit $D1 --secrets "$WORK/secrets-noca"
in_bg screen timed prov screen --check --limit $D1 -- -e motcua_screen=kiosk
in_bg bad timed "$PROVISION" -i "$WORK/inventory-bad.yml" --debs "$WORK/debs" --secrets "$WORK/secrets"
wait "${BG[@]}"
mv "$WORK/bad.out" "$WORK/bad.log"
rc_of() { cat "$WORK/$1.rc" 2>/dev/null || echo none; }

check "no district CA: dry run plans ca_file = the system's CA bundle" bash -c "[ '$(rc_of noca)' = 0 ] \
    && grep -q '^+ca_file *= \"/etc/ssl/certs/ca-certificates.crt\"' '$WORK/noca.log'"

check "dry run with motcua_screen=kiosk succeeds" test "$(rc_of screen)" = 0
echo "plan (dry run, touch kiosk):"; tasks "would change" screen | sed 's/^/  /'
check "it plans the screen packages, the kiosk page and enabling the unit, nothing else" diff <(tasks "would change" screen) - <<'PLAN'
Screen packages (cage, Chromium, fonts) for devices with a screen
Screen starts at boot (devices with a screen)
What the screen shows (motcua_screen), for motcua-kiosk
PLAN
check "its diff: the kiosk page, turned to portrait" bash -c "grep -qx '+MOTCUA_SCREEN_URL=http://127.0.0.1:$HTTP_PORT/kiosk' '$WORK/screen.log' \
    && grep -qx '+MOTCUA_SCREEN_TRANSFORM=90' '$WORK/screen.log' && grep -q 'cage' '$WORK/screen.log'"
check "report: the screen, the page the device has now, the unit disabled and inactive" \
    grep -qx "  screen kiosk http://127.0.0.1:$HTTP_PORT/display | motcua-kiosk disabled, inactive" "$WORK/screen.log"
check "report warns the screen's unit is not running (no tty1 in a container)" grep -q '^  warning screen: motcua-kiosk inactive (no tty1' "$WORK/screen.log"
check "the dry run left the device's screen as it was" bash -c \
    "grep -qx 'MOTCUA_SCREEN_URL=http://127.0.0.1:$HTTP_PORT/display' '$R/etc/default/motcua-kiosk' && [ \"\$(nsenter -t $LEADER -a systemctl is-enabled motcua-kiosk.service)\" = disabled ]"

check "bad broker URL refused" bash -c "[ '$(rc_of bad)' != 0 ] && [ '$(rc_of bad)' != none ]"
check "refusal names the field" grep -q 'motcua_broker_url' "$WORK/bad.log"
check "device config untouched by the bad run" bash -c "[ \"\$(md5sum '$R/etc/motcua/appliance.conf')\" = '$before' ]"
echo "Ansible runs on both devices:"; sed 's/^/  /' "$WORK/times.txt"
echo "whole script: $(( $(date +%s) - T0 )) s"
if [ "$FAILED" -gt 0 ]; then
    echo "--- diagnostics: appliance journal in the container"; in_ct journalctl -u motcua-appliance.service --no-pager | tail -30
    for f in "$WORK"/*.log; do echo "--- $f"; grep -E -A12 'fatal:|FAILED!' "$f" | head -40; done
fi
summary
