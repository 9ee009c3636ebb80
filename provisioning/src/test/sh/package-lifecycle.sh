#!/bin/bash
# Installs, reinstalls, upgrades, removes and purges the real .deb with the real dpkg in a
# throwaway root (see throwaway-root.sh), and checks each state. Usage: package-lifecycle.sh DEB WORKDIR
# Run inside `unshare -m` (the JUnit test does that).
set -uo pipefail
DEB=$(realpath "$1"); WORK=$2
. "$(dirname "$0")/throwaway-root.sh"

tr_create "$WORK"
R=$WORK/root
run() { tr_run "$WORK" "$@"; }
cp "$DEB" "$R/tmp/motcua.deb"

# The one dependency this Debian 12 host cannot satisfy is Java 25 (trixie has it, bookworm not),
# so it is forced, and the test checks it is the only one dpkg complains about.
DPKG="dpkg --force-depends --force-confold"
run $DPKG -i /tmp/motcua.deb > "$WORK/install.log" 2>&1
cat "$WORK/install.log"
check "install succeeds" run dpkg-query -W -f='${Status}' motcua-appliance
check "installed and configured" grep -qx 'install ok installed' <(run dpkg-query -W -f='${Status}' motcua-appliance)
check "only unmet dependency is openjdk-25-jre-headless" \
    bash -c "! grep 'depends on' '$WORK/install.log' | grep -v openjdk-25-jre-headless"
check "system user motcua exists, no login shell" grep -q '^motcua:.*:/var/lib/motcua:/usr/sbin/nologin$' "$R/etc/passwd"
check "kiosk user exists" grep -q '^motcua-kiosk:' "$R/etc/passwd"
check "kiosk user in video group" grep -q '^video:.*motcua-kiosk' "$R/etc/group"
check "gpio group created for SupplementaryGroups" grep -q '^gpio:' "$R/etc/group"
# stat inside the root: owner names resolve against the root's /etc/passwd, not the host's.
check "state dir owned by motcua, 0750" grep -qx 'motcua 750' <(run stat -c '%U %a' /var/lib/motcua)
check "secrets dir root:motcua 0750" grep -qx 'root motcua 750' <(run stat -c '%U %G %a' /etc/motcua/secrets)
check "conffile registered" grep -q '/etc/motcua/appliance.conf' "$R/var/lib/dpkg/info/motcua-appliance.conffiles"
check "screens' Chromium policy installed as a conffile: no translate bubble" bash -c "grep -q '\"TranslateEnabled\": false' '$R/etc/chromium/policies/managed/motcua.json' && grep -q '/etc/chromium/policies/managed/motcua.json' '$R/var/lib/dpkg/info/motcua-appliance.conffiles'"
check "appliance unit enabled" test -L "$R/etc/systemd/system/multi-user.target.wants/motcua-appliance.service"
# The kiosk unit installs into multi-user.target (its [Install] section): no link for it there, nor
# under any other target (provisioning enables it on devices with a screen).
check "kiosk unit's target is multi-user.target" grep -qx 'WantedBy=multi-user.target' "$R/usr/lib/systemd/system/motcua-kiosk.service"
check "kiosk unit not enabled by the package" bash -c "[ ! -e '$R/etc/systemd/system/multi-user.target.wants/motcua-kiosk.service' ] \
    && [ -z \"\$(find '$R/etc/systemd/system' -name motcua-kiosk.service)\" ]"
check "launcher executable" test -x "$R/usr/share/motcua/bin/motcua-appliance"
# -version before -jar: the JVM checks every flag the launcher passes, prints its version and exits 0.
check "launcher finds a Java 25 that accepts all its flags" run env MOTCUA_JAVA_OPTS=-version /usr/share/motcua/bin/motcua-appliance
# The AOT cache: a first run records and writes it on exit, a second run uses it (Main may run
# until the timeout's SIGTERM; the JVM writes the cache on that clean exit too).
mkdir -p "$R/var/cache/motcua-appliance" && run chown motcua:motcua /var/cache/motcua-appliance
# timeout inside runuser: runuser answers a TERM by killing its child 2 s later, too soon for the JVM to
# stop cleanly and write the cache on a busy machine.
descendants() { local p; for p in $(ps -o pid= --ppid "$1"); do echo "$p"; descendants "$p"; done; }
# The JVM is stopped with TERM as soon as it serves (bounded by the timeout), not after a fixed wait.
aot_run() {
    run runuser -u motcua -- timeout -s TERM 180 /usr/share/motcua/bin/motcua-appliance --config /etc/motcua/appliance.conf > "$WORK/aot-$1.log" 2>&1 &
    local bg=$! jvm="" p
    for _ in $(seq 1 1800); do   # ~180 s: a recording JVM on a loaded machine may take a minute to serve
        grep -q 'serving on http' "$WORK/aot-$1.log" && break
        kill -0 "$bg" 2>/dev/null || break
        sleep 0.1
    done
    for p in $(descendants "$bg"); do [ "$(cat "/proc/$p/comm" 2>/dev/null)" = java ] && jvm=$p; done
    [ -n "$jvm" ] && kill -TERM "$jvm"
    wait "$bg"; true
}
aot_run 1
check "launcher's first run wrote an AOT cache" bash -c "ls '$R'/var/cache/motcua-appliance/motcua-*.aot"
ls "$R"/var/cache/motcua-appliance/motcua-*.aot >/dev/null 2>&1 \
    || { echo "--- first run's log:"; grep -v 'Skipping' "$WORK/aot-1.log" | tail -20; }
aot_run 2
check "second run used it (JVM did not reject it)" bash -c "cat '$WORK/aot-2.log'; ! grep -qiE 'unable to use|mismatch|error' '$WORK/aot-2.log'"
# The screen launcher, with stand-ins for cage, wlr-randr and chromium written into the throwaway root
# (no display here): it opens the page /etc/default/motcua-kiosk names, and rotates before the browser starts.
for tool in cage wlr-randr chromium; do
    cat > "$R/usr/bin/$tool" <<STUB
#!/bin/sh
echo "$tool \$*" >> /tmp/kiosk.log
[ $tool != wlr-randr ] || [ \$# -gt 0 ] || printf 'HDMI-A-1 "Test TV"\\n  Enabled: yes\\n'
[ $tool != cage ] || { while [ "\$1" != -- ]; do shift; done; shift; exec "\$@"; }
STUB
    chmod 755 "$R/usr/bin/$tool"
done
kiosk_run() { rm -f "$R/tmp/kiosk.log"; run env HOME=/run/motcua-kiosk "$@" /usr/share/motcua/bin/motcua-kiosk; cat "$R/tmp/kiosk.log"; }
kiosk_run > "$WORK/kiosk-default.log"
kiosk_run MOTCUA_SCREEN_URL=http://127.0.0.1:8080/kiosk MOTCUA_SCREEN_TRANSFORM=90 > "$WORK/kiosk-portrait.log"
cat "$WORK/kiosk-default.log" "$WORK/kiosk-portrait.log"
check "screen launcher: hall display by default, in cage, no rotation" bash -c "grep -q '^cage -d -s -- /usr/share/motcua/bin/motcua-kiosk --in-cage\$' '$WORK/kiosk-default.log' \
    && grep -q '^chromium --kiosk --app=http://127.0.0.1:8080/display ' '$WORK/kiosk-default.log' && ! grep -q wlr-randr '$WORK/kiosk-default.log'"
check "screen launcher: touch kiosk page, output turned 90 before the browser starts" bash -c "diff <(sed 's/ --ozone.*//' '$WORK/kiosk-portrait.log') - <<'EXP'
cage -d -s -- /usr/share/motcua/bin/motcua-kiosk --in-cage
wlr-randr 
wlr-randr --output HDMI-A-1 --transform 90
chromium --kiosk --app=http://127.0.0.1:8080/kiosk
EXP"
# Both screens: sway (a stand-in that logs its arguments and the config it is given) with the config the
# launcher wrote into the unit's RuntimeDirectory, one browser loop per output, touch on the kiosk's.
cat > "$R/usr/bin/sway" <<'STUB'
#!/bin/sh
echo "sway $*" >> /tmp/kiosk.log
cat "$2" >> /tmp/kiosk.log
STUB
chmod 755 "$R/usr/bin/sway"
mkdir -p "$R/run/motcua-kiosk"
kiosk_run MOTCUA_SCREENS=both > "$WORK/kiosk-both.log"
check "screen launcher, both screens: sway with its generated config in /run/motcua-kiosk" bash -c "diff <(grep -v '^#' '$WORK/kiosk-both.log') - <<'EXP'
sway -c /run/motcua-kiosk/sway.conf
xwayland disable
swaynag_command -
default_border none
default_floating_border none
focus_follows_mouse no
mouse_warping none
seat * hide_cursor 1000
output HDMI-A-1 transform 90
output HDMI-A-2 transform normal
input type:touch map_to_output HDMI-A-1
workspace kiosk output HDMI-A-1
workspace display output HDMI-A-2
assign [app_id=\"^chrome-.*__kiosk-\"] workspace kiosk
assign [app_id=\"^chrome-.*__display-\"] workspace display
for_window [app_id=\"^chrome-\"] fullscreen enable
exec '/usr/share/motcua/bin/motcua-kiosk' --browser kiosk
exec '/usr/share/motcua/bin/motcua-kiosk' --browser display
EXP"
rm -f "$R/usr/bin/cage" "$R/usr/bin/wlr-randr" "$R/usr/bin/chromium" "$R/usr/bin/sway" "$R/tmp/kiosk.log"
check "units pass systemd-analyze verify" bash -c \
    "out=\$(chroot '$R' systemd-analyze verify /usr/lib/systemd/system/motcua-appliance.service /usr/lib/systemd/system/motcua-kiosk.service 2>&1); rc=\$?; echo \"\$out\"; [ \$rc -eq 0 ] && [ -z \"\$out\" ]"
check "udev rules parse (udevadm test reports no invalid lines)" bash -c \
    "out=\$(chroot '$R' udevadm test --action=add /class/tty/tty0 2>&1); echo \"\$out\" | grep -q 60-motcua.rules && ! echo \"\$out\" | grep -iE 'invalid|error|unknown' | grep -i motcua"

# Maintainer scripts are safe to run twice: a second configure changes no user, group or dir.
snap() { cat "$R/etc/passwd" "$R/etc/group" "$R/etc/shadow"; stat -c '%n %U %G %a' "$R/var/lib/motcua" "$R/etc/motcua" "$R/etc/motcua/secrets"; find "$R/etc/systemd" | sort; }
before=$(snap)
check "postinst configure runs again" run /var/lib/dpkg/info/motcua-appliance.postinst configure 0.1.0
check "second configure changed nothing" bash -c "[ \"\$1\" = \"\$2\" ]" _ "$before" "$(snap)"
check "reinstalling the same package works" run $DPKG -i /tmp/motcua.deb
check "reinstall changed no user or dir" bash -c "[ \"\$1\" = \"\$2\" ]" _ "$before" "$(snap)"

# Upgrade keeps a locally edited conffile and the data.
echo '# edited on site' >> "$R/etc/motcua/appliance.conf"
echo 'h2 data' > "$R/var/lib/motcua/queue.mv.db"
mkdir -p "$WORK/next" && dpkg-deb -R "$DEB" "$WORK/next/pkg"
sed -i 's/^Version: .*/Version: 99.0.0-1/' "$WORK/next/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -b "$WORK/next/pkg" "$R/tmp/motcua-next.deb" >/dev/null
check "upgrade to a newer version" run $DPKG -i /tmp/motcua-next.deb
check "version is the new one" grep -qx '99.0.0-1' <(run dpkg-query -W -f='${Version}' motcua-appliance)
check "edited conffile kept on upgrade" grep -q 'edited on site' "$R/etc/motcua/appliance.conf"
check "downgrade (rollback) to the previous version" run $DPKG -i /tmp/motcua.deb
check "data kept across upgrade and rollback" grep -q 'h2 data' "$R/var/lib/motcua/queue.mv.db"

# Remove, then purge.
check "remove succeeds" run dpkg -r motcua-appliance
check "program files gone after remove" test ! -e "$R/usr/share/motcua/motcua-appliance.jar"
check "unit files gone after remove" test ! -e "$R/usr/lib/systemd/system/motcua-appliance.service"
check "conffile kept after remove" test -e "$R/etc/motcua/appliance.conf"
check "purge succeeds" run dpkg -P motcua-appliance
check "config and secrets gone after purge" test ! -e "$R/etc/motcua"
check "enable symlink gone after purge" test ! -e "$R/etc/systemd/system/multi-user.target.wants/motcua-appliance.service"
check "caches gone after purge" test ! -e "$R/var/cache/motcua-appliance"
check "queue data kept after purge (may hold undelivered events)" test -e "$R/var/lib/motcua/queue.mv.db"
check "package unknown to dpkg after purge" bash -c "! chroot '$R' dpkg-query -W motcua-appliance 2>/dev/null | grep -q ."
leftover=$(cd "$WORK/upper" && find . -path ./var/lib/dpkg -prune -o -path ./var/log -prune -o -path ./var/cache -prune \
    -o -path ./var/lib/motcua -prune -o -path ./tmp -prune -o -path ./run -prune -o -type f -print \
    | grep -vE '^\./etc/(passwd|group|shadow|gshadow|subuid|subgid)-?$|^\./etc/\.pwd\.lock$|^\./var/lib/systemd/deb-systemd-helper' | sort)
echo "files left in the root after purge (besides users and dpkg's own records):"; echo "${leftover:-  none}"
check "nothing else left behind" test -z "$leftover"
summary
