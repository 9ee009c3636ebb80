package vn.motcua.tests.lan;

import vn.motcua.appliance.web.lan.NetNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * curl run inside a {@link NetNamespace}: another host of the LAN, with a cookie jar of its own (the screen's
 * browser), trusting the appliance's self-signed certificate as an office's screen is told to.
 */
final class LanCurl {
    /** One answer: status, the head's lines, the body. */
    record Answer(int status, String head, String body) {
        String header(String name) {
            return head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith(name.toLowerCase(java.util.Locale.ROOT) + ":"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("");
        }
    }

    private final NetNamespace ns;
    private final String base;
    private final Path jar;
    private final Path dir;
    private int calls;

    LanCurl(NetNamespace ns, String base, Path dir, String name) {
        this.ns = ns;
        this.base = base;
        this.dir = dir;
        this.jar = dir.resolve(name + ".cookies");
    }

    Answer get(String path) throws IOException, InterruptedException {
        return run("GET", path, null);
    }

    Answer post(String path, String json) throws IOException, InterruptedException {
        return run("POST", path, json);
    }

    /** A request from inside the namespace, cookies kept in this client's jar; redirects are not followed. */
    Answer run(String method, String path, String json) throws IOException, InterruptedException {
        Path head = dir.resolve("head-" + (++calls));
        Path body = dir.resolve("body-" + calls);
        List<String> cmd = new ArrayList<>(List.of("curl", "-sk", "--max-time", "20", "-X", method, "-b", jar.toString(),
                "-c", jar.toString(), "-D", head.toString(), "-o", body.toString()));
        if (json != null) {
            cmd.addAll(List.of("-H", "Content-Type: application/json", "--data-binary", json));
        }
        cmd.add(base + path);
        Process p = new ProcessBuilder(ns.command(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("curl " + method + " " + path + " failed (" + p.exitValue() + "): " + out);
        }
        String h = Files.readString(head);
        return new Answer(Integer.parseInt(h.substring(9, 12)), h, Files.exists(body) ? Files.readString(body) : "");
    }

    /** An open live feed stream from inside the namespace, written to {@code out} as it comes. */
    Process stream(String path, Path out) throws IOException {
        return new ProcessBuilder(ns.command(List.of("curl", "-skN", "-b", jar.toString(), base + path)))
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    /** The cookie jar's text: what the screen's browser holds. */
    String jar() throws IOException {
        return Files.exists(jar) ? Files.readString(jar) : "";
    }
}
