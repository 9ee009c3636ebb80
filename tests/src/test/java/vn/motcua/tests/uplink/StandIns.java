package vn.motcua.tests.uplink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import vn.motcua.appliance.uplink.TlsContexts;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.mqtt.MosquittoBroker;

/** Connects the district stand-in to a test broker, and the appliance's config to it. */
public final class StandIns {
    private StandIns() {}

    public static DistrictServer district(MosquittoBroker broker) throws Exception {
        return new DistrictServer(broker.uri(), TlsContexts.socketFactory(broker.pki().caCert(), null, null),
                MosquittoBroker.DISTRICT_USER, MosquittoBroker.DISTRICT_PASSWORD);
    }

    /**
     * The {@code [uplink]} section for an appliance of the demo office talking to {@code broker}, quick to notice a
     * lost link; its secrets file is written into {@code dir}.
     */
    public static String uplinkToml(MosquittoBroker broker, Path dir, int backlogRate) throws IOException {
        Path secrets = dir.resolve("uplink.secrets");
        Files.writeString(secrets, "mqtt.password=office-pass\n");
        Files.setPosixFilePermissions(secrets, PosixFilePermissions.fromString("rw-------"));
        return "\n[uplink]\nbroker = \"" + broker.uri() + "\"\nca_file = \"" + broker.pki().caCert() + "\"\n"
                + "username = \"office\"\nsecrets_file = \"" + secrets + "\"\nkeep_alive = \"5s\"\nconnect_timeout = \"3s\"\n"
                + "reconnect_initial = \"200ms\"\nreconnect_max = \"1s\"\nbacklog_rate = " + backlogRate + "\nbacklog_window = 16\n"
                + "heartbeat = \"2s\"\n";
    }
}
