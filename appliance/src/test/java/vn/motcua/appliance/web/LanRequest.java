package vn.motcua.appliance.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * One HTTPS request to the LAN listener from a chosen source address (127.0.0.x: many "hosts" on one machine),
 * which {@code java.net.http} cannot do. HTTP/1.1 with {@code Connection: close}; the answer is read to its end.
 */
record LanRequest(int status, String head, String body) {
    static LanRequest post(SSLContext tls, InetSocketAddress lan, String source, String path, String json,
                           String... headers) throws IOException {
        try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(source), 0));
            s.connect(lan, 10_000);
            s.setSoTimeout(30_000);
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            StringBuilder req = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: lan\r\nConnection: close\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n");
            for (int i = 0; i + 1 < headers.length; i += 2) {
                req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
            }
            req.append("\r\n");
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            try (InputStream in = s.getInputStream()) {
                in.transferTo(all);
            } catch (IOException e) {
                if (all.size() == 0) {
                    throw e;
                }
            }
            String text = all.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            String head = split < 0 ? text : text.substring(0, split);
            String rest = split < 0 ? "" : text.substring(split + 4);
            int status = head.startsWith("HTTP/1.1 ") ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new LanRequest(status, head, rest);
        }
    }

    /** The session cookie ({@code motcua_staff=...}) a login answer set. */
    String cookie() {
        return head.lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("set-cookie:"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip().split(";")[0]).findFirst().orElseThrow();
    }
}
