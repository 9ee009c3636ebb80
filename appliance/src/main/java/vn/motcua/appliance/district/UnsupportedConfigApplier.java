package vn.motcua.appliance.district;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.appliance.uplink.ConfigApplier;
import vn.motcua.appliance.uplink.Outcome;

/**
 * This version takes its office layout from /etc/motcua/appliance.conf only: a config pushed by the district is
 * acknowledged as refused, with that reason, and nothing changes. (Applying it live means rebuilding the queue
 * engine on a new layout while tickets wait; not built yet.)
 */
public final class UnsupportedConfigApplier implements ConfigApplier {
    @Override
    public String currentVersion() {
        return null;
    }

    @Override
    public Outcome apply(String version, JsonNode config) {
        return Outcome.refused("this appliance takes its office layout from its config file; remote config is not"
                + " supported by this version");
    }
}
