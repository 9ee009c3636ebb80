package vn.motcua.tests.harness;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.appliance.web.lan.NetNamespace;
import vn.motcua.bus.Await;

/**
 * A satellite kiosk (issue 17, item 3) as a real appliance process on another host of the LAN: its config is the
 * demo's with {@code [satellite]} pointing at the master's LAN listener (its certificate pinned), its local listener
 * bound to its address inside {@code ns} (so the test reads its kiosk API and presses its simulated buttons from
 * outside), no counter bus of its own. Its link's state ({@code /satellite/state}) and what its printer printed
 * ({@code /satellite/printed}) as the tests read them.
 */
public final class SatelliteKiosk implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ApplianceProcess process;
    private final String address;

    /**
     * @param more any further change to its config (its printer on a pty), applied after the satellite's own
     */
    public SatelliteKiosk(Path dir, LanHttps master, NetNamespace ns, UnaryOperator<String> more) throws Exception {
        this.address = ns.inside().getFirst();
        String url = master.base().replaceAll("/$", "");
        String fingerprint = master.fingerprint();
        process = new ApplianceProcess(dir, toml -> more.apply(toml
                .replace("bind           = \"127.0.0.1\"", "bind           = \"" + address + "\"\n"
                        + "expose_local_on_lan = \"the test reads the satellite's kiosk API from the host side\"")
                .replace("[devices.counter_bus]\nmode = \"simulated\"", "[devices.counter_bus]\nmode = \"off\"")
                + "\n[satellite]\nmaster_url = \"" + url + "\"\nmaster_fingerprint = \"" + fingerprint
                + "\"\ntoken_file = \"" + dir.resolve("satellite.token") + "\"\n"))
                .inside(ns::command, address);
    }

    public void start() throws IOException, InterruptedException {
        process.start();
    }

    /** Its address on the LAN: where the master sees it come from. */
    public String address() {
        return address;
    }

    /**
     * Waits for the pairing code it shows, has {@code manager} confirm it as a satellite named {@code name}, and waits
     * until it collected its token and reached the master.
     */
    public void pairBy(ManagerOnLan manager, String name, Duration limit) throws Exception {
        Await.until(limit, () -> !state().path("code").isMissingNode() && !state().path("code").isNull(),
                () -> "the satellite shows a pairing code: " + state());
        manager.confirm(state().get("code").asText(), name, "satellite");
        Await.until(limit, () -> state().path("paired").asBoolean() && state().path("online").asBoolean(),
                () -> "the satellite paired and online: " + state());
    }

    public HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return process.post(path, json);
    }

    /** The link's state as its kiosk shows it; empty while it does not answer. */
    public JsonNode state() {
        try {
            return JSON.readTree(process.get("/satellite/state").body());
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }

    /** The numbers its printer printed, in order; empty while it does not answer. */
    public List<String> printed() {
        try {
            List<String> out = new ArrayList<>();
            JSON.readTree(process.get("/satellite/printed").body()).path("printed").forEach(n -> out.add(n.asText()));
            return out;
        } catch (Exception e) {
            return List.of();
        }
    }

    /** How many presses its buttons signalled as refused. */
    public int refusals() {
        return state().path("button_refusals").asInt();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
