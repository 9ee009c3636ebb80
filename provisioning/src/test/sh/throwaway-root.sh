# Sourced by the package and provisioning tests: a throwaway copy of this machine's own system.
#
# An overlay mount with this machine's / as the read-only lower layer and an empty upper layer:
# inside it dpkg, adduser, systemctl, sshd and python are the real Debian tools, /etc and /var are
# the real layout, and every write lands in the upper layer, which the test deletes. Callers run in
# their own mount namespace (`unshare -m`), so the mounts vanish with the test process even if it
# is killed. Needs root and overlayfs (CI and developer machines both have them).
#
# The lower layer is the CI host (Debian 12 here), not Raspberry Pi OS; what that changes is listed
# in provisioning/README.md, section "What the tests prove".

# tr_create DIR: builds DIR/root; prints nothing, fails loudly.
tr_create() {
    local dir=$1
    mkdir -p "$dir/upper" "$dir/work" "$dir/root"
    mount --make-rprivate / 2>/dev/null || true
    mount -t overlay overlay -o "lowerdir=/,upperdir=$dir/upper,workdir=$dir/work" "$dir/root"
    mount -t proc proc "$dir/root/proc"
    mount --rbind /dev "$dir/root/dev"
    mount --rbind /sys "$dir/root/sys"
    # A fresh /run and /tmp: no /run/systemd/system, so maintainer scripts see "no systemd running",
    # exactly like a chroot during image building, and nothing of the host's runtime state leaks in.
    mount -t tmpfs tmpfs "$dir/root/run"
    mount -t tmpfs tmpfs "$dir/root/tmp"
    mkdir -p "$dir/root/run/sshd" "$dir/root/run/lock"
}

# tr_run DIR CMD...: runs CMD inside the throwaway root.
tr_run() {
    local dir=$1; shift
    chroot "$dir/root" /usr/bin/env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 HOME=/root DEBIAN_FRONTEND=noninteractive "$@"
}

# tr_java DIR JDK: the JVM for the real appliance in a booted root, without changing the shipped unit
# or launcher. This Debian 12 host has no OpenJDK 25 package, so:
# - an empty stand-in package named openjdk-25-jre-headless meets the motcua package's dependency
#   (installed now, before tr_boot; no --force-depends);
# - TR_JAVA_BOOT (options for tr_boot) empties /usr/lib/jvm (tmpfs) and bind-mounts JDK (this
#   host's JDK 25) read-only at the Debian path $TR_DEBIAN_JVM, the first place the launcher looks.
TR_DEBIAN_JVM=/usr/lib/jvm/java-25-openjdk-amd64
tr_java() {
    local dir=$1 jdk
    jdk=$(realpath "$2")
    [ -x "$jdk/bin/java" ] || { echo "no JDK at $2" >&2; return 1; }
    mkdir -p "$dir/standin/DEBIAN"
    cat > "$dir/standin/DEBIAN/control" <<CTL
Package: openjdk-25-jre-headless
Version: 25.0.0-0test1
Architecture: all
Maintainer: motcua tests <tests@motcua.vn>
Description: test stand-in for OpenJDK 25 on a Debian 12 CI host
CTL
    dpkg-deb --root-owner-group -b "$dir/standin" "$dir/root/tmp/standin.deb" >/dev/null
    tr_run "$dir" dpkg -i /tmp/standin.deb >/dev/null
    TR_JAVA_BOOT=(--tmpfs=/usr/lib/jvm "--bind-ro=$jdk:$TR_DEBIAN_JVM")
}

# tr_boot DIR [nspawn options...]: boots the root with systemd as PID 1 of a systemd-nspawn
# container, in the background; sets NSPAWN (its pid) and LEADER (the container's systemd, as seen
# from here) and waits, bounded, until systemd answers on its private socket. May be called for
# several roots (one container each): every container booted is powered off by tr_halt.
TR_NSPAWNS=()
TR_LEADERS=()
tr_boot() {
    local dir=$1; shift
    for m in proc dev sys run tmp; do umount -R -l "$dir/root/$m"; done
    systemd-nspawn -q -D "$dir/root" --register=no --keep-unit "$@" -b systemd.unit=basic.target \
        > "$dir/boot.log" 2>&1 < /dev/null &
    NSPAWN=$!
    LEADER=""
    TR_NSPAWNS+=("$NSPAWN")
    trap tr_halt EXIT   # from here on, whatever happens, the container goes with this script
    local pid
    # nspawn forks, and the child execs systemd: wait for a child whose name is systemd.
    for _ in $(seq 1 300); do
        for pid in $(ps -o pid= --ppid "$NSPAWN" 2>/dev/null); do
            [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = systemd ] && LEADER=$pid
        done
        [ -n "$LEADER" ] && break
        sleep 0.1
    done
    TR_LEADERS[${#TR_NSPAWNS[@]} - 1]=$LEADER
    if [ -z "$LEADER" ]; then
        echo "container did not boot:"; cat "$dir/boot.log"; return 1
    fi
    for _ in $(seq 1 300); do [ -S "/proc/$LEADER/root/run/systemd/private" ] && break; sleep 0.1; done
}

# tr_halt: powers every container booted by this script off, all at once; one that does not go
# within 30 s has its nspawn and its PID 1 killed (killing a PID namespace's init ends every
# process in it).
tr_halt() {
    local i pids=()
    for i in "${!TR_NSPAWNS[@]}"; do
        tr_halt_one "${TR_NSPAWNS[$i]}" "${TR_LEADERS[$i]:-}" &
        pids+=($!)
    done
    [ ${#pids[@]} -eq 0 ] || wait "${pids[@]}"
    true
}
tr_halt_one() {
    local nspawn=$1 leader=$2
    { [ -n "$leader" ] && timeout 30 nsenter -t "$leader" -a systemctl poweroff >/dev/null 2>&1; } || kill "$nspawn" 2>/dev/null
    timeout 30 tail --pid="$nspawn" -f /dev/null || kill -9 "$nspawn" 2>/dev/null
    if [ -n "$leader" ] && kill -0 "$leader" 2>/dev/null; then kill -9 "$leader"; fi
    true
}

# Tiny assertion helpers; the last line is "N passed, N failed" for the runner.
PASSED=0
FAILED=0
check() {
    local what=$1; shift
    if "$@" >/dev/null 2>&1; then
        PASSED=$((PASSED + 1)); echo "ok   - $what"
    else
        FAILED=$((FAILED + 1)); echo "FAIL - $what"
    fi
}
summary() {
    echo "$PASSED passed, $FAILED failed"
    [ "$FAILED" -eq 0 ]
}
