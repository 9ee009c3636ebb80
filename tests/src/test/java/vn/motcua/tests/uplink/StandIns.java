package vn.motcua.tests.uplink;

import vn.motcua.appliance.uplink.TlsContexts;
import vn.motcua.tests.district.DistrictServer;
import vn.motcua.tests.mqtt.MosquittoBroker;

/** Connects the district stand-in to a test broker. */
public final class StandIns {
    private StandIns() {}

    public static DistrictServer district(MosquittoBroker broker) throws Exception {
        return new DistrictServer(broker.uri(), TlsContexts.socketFactory(broker.pki().caCert(), null, null),
                MosquittoBroker.DISTRICT_USER, MosquittoBroker.DISTRICT_PASSWORD);
    }
}
