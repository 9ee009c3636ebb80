package vn.motcua.appliance.web.lan;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A network namespace joined to this host by a veth pair, so a program started in it ({@link #command}) reaches the
 * appliance as another host on the LAN would: from its own addresses, never 127.x. Addresses come from
 * 198.18.0.0/15 (set aside for benchmarking): {@code 198.18.N.1/27} on the host side, {@code 198.18.N.2} and up
 * inside, N picked at random per run, names unique per run. Needs root and {@code ip} (iproute2); {@link #close}
 * removes both ends, also after a failure. In the appliance's test-jar so the appliance's LAN tests and the end-to-end
 * tests share it ({@link NamespaceCurl} is the HTTP client that runs in it, {@link NamespaceSockets} the raw TLS one).
 */
public final class NetNamespace implements AutoCloseable {
    private final String name;
    private final String hostSide;
    private final String subnet;
    private final List<String> inside = new ArrayList<>();
    private boolean made;
    private boolean linked;

    private NetNamespace(String name, String subnet) {
        this.name = name;
        this.hostSide = name + "h";
        this.subnet = subnet;
    }

    /** Whether this machine can make one: root, and the ip command. */
    public static String unavailableBecause() {
        if (!"root".equals(System.getProperty("user.name"))) {
            return "not root (user " + System.getProperty("user.name") + ")";
        }
        try {
            Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? null : "'ip netns list' failed";
        } catch (IOException e) {
            return "no ip command (iproute2): " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Stops the calling test unless a namespace can be made here: skipped (aborted) without root or iproute2, but
     * failed under {@code CI=true}, where a skipped LAN test would hide that nothing was checked.
     *
     * @param what the test, for the message
     */
    public static void requireFor(String what) {
        String why = unavailableBecause();
        if (why != null) {
            if ("true".equals(System.getenv("CI"))) {
                org.junit.jupiter.api.Assertions.fail(what + " needs a network namespace under CI: " + why);
            }
            org.junit.jupiter.api.Assumptions.abort("no network namespace here: " + why);
        }
    }

    /** A namespace with {@code addresses} addresses inside (at most 29: a /27). */
    public static NetNamespace create(int addresses) throws IOException, InterruptedException {
        if (addresses < 1 || addresses > 29) {
            throw new IllegalArgumentException("1 to 29 addresses in a /27: " + addresses);
        }
        ThreadLocalRandom r = ThreadLocalRandom.current();
        NetNamespace ns = new NetNamespace("mcat" + Long.toHexString(r.nextLong(0x100000L, 0xFFFFFFL)),
                "198.18." + r.nextInt(1, 255));
        try {
            ns.run("ip", "netns", "add", ns.name);
            ns.made = true;
            ns.run("ip", "link", "add", ns.hostSide, "type", "veth", "peer", "name", ns.name + "n");
            ns.linked = true;
            ns.run("ip", "link", "set", ns.name + "n", "netns", ns.name);
            ns.run("ip", "addr", "add", ns.host() + "/27", "dev", ns.hostSide);
            ns.run("ip", "link", "set", ns.hostSide, "up");
            for (int i = 0; i < addresses; i++) {
                String a = ns.subnet + "." + (2 + i);
                ns.run("ip", "netns", "exec", ns.name, "ip", "addr", "add", a + "/27", "dev", ns.name + "n");
                ns.inside.add(a);
            }
            ns.run("ip", "netns", "exec", ns.name, "ip", "link", "set", ns.name + "n", "up");
            ns.run("ip", "netns", "exec", ns.name, "ip", "link", "set", "lo", "up");
            return ns;
        } catch (IOException | InterruptedException | RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /** The host side's address: where the appliance's LAN listener binds. */
    public String host() {
        return subnet + ".1";
    }

    /** The addresses inside, each a "host" of the LAN. */
    public List<String> inside() {
        return List.copyOf(inside);
    }

    /**
     * Sends whatever is not for its own /27 through the host side, so a program inside also reaches this host's other
     * addresses: a listener bound to another namespace's host side (one master's LAN listener, clients in several
     * namespaces, each another host). The host delivers such packets itself (they are for its own address); nothing is
     * forwarded beyond it.
     */
    public void routeThroughHost() throws IOException, InterruptedException {
        run("ip", "netns", "exec", name, "ip", "route", "add", "default", "via", host());
    }

    /** {@code command} run inside the namespace. */
    public List<String> command(List<String> command) {
        List<String> c = new ArrayList<>(List.of("ip", "netns", "exec", name));
        c.addAll(command);
        return c;
    }

    /**
     * A Java program run inside the namespace: {@code main} on this JVM's own java (the project's, not the machine's
     * default) with this JVM's classpath, its arguments after. A raw-socket client (a slow or flooding one, a
     * malformed request) that curl cannot be.
     */
    public List<String> java(Class<?> main, String... args) {
        String classpath = main.getProtectionDomain().getCodeSource().getLocation().getPath()
                + java.io.File.pathSeparator + System.getProperty("java.class.path");
        List<String> c = new ArrayList<>(List.of(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx128m", "-cp", classpath, main.getName()));
        c.addAll(List.of(args));
        return command(c);
    }

    private void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", cmd) + " failed: " + out.strip());
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        IOException first = null;
        if (linked) {
            try {
                run("ip", "link", "del", hostSide); // takes the peer inside with it
            } catch (IOException e) {
                first = e; // already gone with the namespace, or never made: the namespace still goes below
            }
            linked = false;
        }
        if (made) {
            run("ip", "netns", "del", name);
            made = false;
        }
        if (first != null && first.getMessage().contains("Cannot find device") == false) {
            throw first;
        }
    }
}
