# Sourced after throwaway-root.sh: turns a throwaway root into a stand-in for a freshly flashed
# device that a technician reaches over SSH (what Raspberry Pi Imager's settings give a real Pi):
# user "tech" with sudo and an authorized key, an sshd on 127.0.0.1:<port> (or another loopback
# address, for several devices at once) with its own host key.
# Used by provision-over-ssh.sh (the test) and practice-device.sh (to try the walkthrough by hand).
#
# What differs from a Raspberry Pi OS trixie device, made explicit:
# 1. This host is Debian 12, which has no openjdk-25-jre-headless: tr_java (throwaway-root.sh)
#    installs a stand-in package of that name and mounts this host's JDK 25 at the Debian path, as in
#    appliance-under-systemd.sh. The appliance itself is the real one from the package, started by
#    the shipped unit and launcher with the config provisioning renders.
# 2. No USB adapters: the counter bus is a pseudo-terminal linked at /dev/motcua-bus (td_start), with
#    no board on its other end; there is no printer or reader.
# 3. The container shares this machine's network (the technician reaches sshd on 127.0.0.1, or
#    127.0.0.2 for a second device), so the inventory binds the appliance's ports to loopback and
#    free ports, different for each device.

# td_prepare WORK JDK SSH_PORT [ADDRESS]: before tr_boot "$WORK" "${TR_JAVA_BOOT[@]}". Leaves the
# technician's key in WORK/id_tech (an existing one is kept) and the device's host key in
# WORK/known_hosts. ADDRESS: the
# loopback address sshd listens on, default 127.0.0.1.
td_prepare() {
    local work=$1 jdk=$2 port=$3 addr=${4:-127.0.0.1} r=$1/root
    tr_java "$work" "$jdk" || return 1
    tr_run "$work" useradd -m -s /bin/bash tech && tr_run "$work" usermod -p '*' tech
    echo 'tech ALL=(ALL) NOPASSWD:ALL' > "$r/etc/sudoers.d/tech" && chmod 0440 "$r/etc/sudoers.d/tech"
    # The technician's key: made here unless WORK already holds one (one key for several devices).
    [ -e "$work/id_tech" ] || ssh-keygen -q -t ed25519 -N '' -C tech@test -f "$work/id_tech"
    mkdir -p "$r/home/tech/.ssh" && cp "$work/id_tech.pub" "$r/home/tech/.ssh/authorized_keys"
    tr_run "$work" chown -R tech:tech /home/tech/.ssh && chmod 700 "$r/home/tech/.ssh" && chmod 600 "$r/home/tech/.ssh/authorized_keys"
    mkdir -p "$r/etc/motcua-test-ssh"
    ssh-keygen -q -t ed25519 -N '' -f "$r/etc/motcua-test-ssh/host_key"
    echo "[$addr]:$port $(cut -d' ' -f1,2 "$r/etc/motcua-test-ssh/host_key.pub")" > "$work/known_hosts"
    cat > "$r/etc/motcua-test-ssh/sshd_config" <<CFG
ListenAddress $addr
Port $port
HostKey /etc/motcua-test-ssh/host_key
PasswordAuthentication no
KbdInteractiveAuthentication no
PubkeyAuthentication yes
PermitRootLogin no
AllowUsers tech
UsePAM no
PidFile /run/motcua-test-sshd.pid
Subsystem sftp /usr/lib/openssh/sftp-server
CFG
}

# td_start WORK SSH_PORT [ADDRESS [LEADER]]: after tr_boot. Starts sshd and the counter-bus
# pseudo-terminal inside the container (LEADER: its systemd, default the last booted) and waits
# (bounded) until the technician's key logs in.
td_start() {
    local work=$1 port=$2 addr=${3:-127.0.0.1} leader=${4:-$LEADER}
    timeout 90 nsenter -t "$leader" -a systemctl is-system-running --wait >/dev/null 2>&1
    timeout 30 nsenter -t "$leader" -a mkdir -p /run/sshd
    timeout 30 nsenter -t "$leader" -a systemd-run -q --unit=motcua-test-sshd /usr/sbin/sshd -D -e -f /etc/motcua-test-ssh/sshd_config
    timeout 30 nsenter -t "$leader" -a systemd-run -q --unit=motcua-test-bus socat PTY,link=/dev/motcua-bus,rawer,group-late=dialout,mode=660 PTY,link=/run/motcua-bus-peer,rawer
    TD_SSH=(ssh -i "$work/id_tech" -p "$port" -o UserKnownHostsFile="$work/known_hosts" -o StrictHostKeyChecking=yes -o BatchMode=yes "tech@$addr")
    # Bounded at ~60 s: only a dead sshd should fail here, not one started late on a loaded machine.
    for _ in $(seq 1 300); do "${TD_SSH[@]}" true 2>/dev/null && return 0; sleep 0.2; done
    return 1
}
