package vn.motcua.appliance.web;

import java.io.IOException;
import java.net.InetSocketAddress;

import vn.motcua.appliance.web.lan.NamespaceSockets;

/**
 * A staff login on the LAN listener from a chosen address of a network namespace: another host of the LAN (tests
 * in other packages use it).
 */
public final class LanLogin {
    private LanLogin() {}

    /** The answer's status, its session cookie when it set one, and its body. */
    public record Answer(int status, String cookie, String body) {}

    public static Answer post(NamespaceSockets host, InetSocketAddress lan, String source, String user, String password)
            throws IOException {
        LanRequest r = LanRequest.post(host, lan, source, "/counter/login",
                "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}");
        return new Answer(r.status(), r.status() == 200 ? r.cookie() : null, r.body());
    }

    public static Answer action(NamespaceSockets host, InetSocketAddress lan, String source, String path, String json,
                                String cookie, String csrf) throws IOException {
        LanRequest r = LanRequest.post(host, lan, source, path, json, "Cookie", cookie, "X-CSRF-Token", csrf);
        return new Answer(r.status(), null, r.body());
    }
}
