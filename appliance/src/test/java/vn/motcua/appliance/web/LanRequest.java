package vn.motcua.appliance.web;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import vn.motcua.appliance.web.lan.NamespaceSockets;

/**
 * One HTTPS request to the LAN listener from a chosen address of a network namespace (several "hosts" of the LAN,
 * each seen by the appliance as itself), sent by {@link NamespaceSockets} since curl cannot pick the source per
 * request inside a flood. HTTP/1.1 with {@code Connection: close}; the answer is read to its end.
 */
record LanRequest(int status, String head, String body) {
    static LanRequest post(NamespaceSockets host, InetSocketAddress lan, String source, String path, String json,
                           String... headers) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: lan\r\nConnection: close\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        req.append("\r\n");
        byte[] head = req.toString().getBytes(StandardCharsets.UTF_8);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        String text;
        try {
            text = new String(host.exchange(source, lan, request), StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        int split = text.indexOf("\r\n\r\n");
        String answerHead = split < 0 ? text : text.substring(0, split);
        String rest = split < 0 ? "" : text.substring(split + 4);
        int status = answerHead.startsWith("HTTP/1.1 ") ? Integer.parseInt(answerHead.substring(9, 12)) : -1;
        return new LanRequest(status, answerHead, rest);
    }

    /** The session cookie ({@code motcua_staff=...}) a login answer set. */
    String cookie() {
        return head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("set-cookie:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip().split(";")[0]).findFirst().orElseThrow();
    }
}
