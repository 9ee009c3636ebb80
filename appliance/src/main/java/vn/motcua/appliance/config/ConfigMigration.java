package vn.motcua.appliance.config;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Brings a file written for an older appliance to the current {@code config_version}, on the parsed tree, before
 * it is bound and checked. The .deb ships appliance.conf as a conffile, so an upgraded appliance meets the file the
 * office already has; each step below turns version N into N+1, and a change no step can make is a problem naming
 * the key to change. The steps are listed in the config README beside this class.
 */
final class ConfigMigration {
    /** The version this appliance writes in its example files and reads without migrating. */
    static final int CURRENT = 2;
    static final String KEY = "config_version";

    private ConfigMigration() {}

    /**
     * Removes {@code config_version} from the tree and migrates it to {@link #CURRENT}.
     *
     * @return false when the file cannot be read at all (a version this appliance does not know): the one problem
     *         is added and nothing else should be checked, since every other line would be noise
     */
    static boolean toCurrent(ObjectNode tree, List<String> problems) {
        JsonNode v = tree.remove(KEY);
        int version;
        if (v == null) {
            version = 1; // files from before config_version existed
        } else if (!v.isIntegralNumber() || v.asLong() < 1) {
            problems.add(Values.line(KEY, v.isValueNode() ? v.asText() : v.toString(),
                    "expected a whole number from 1 to " + CURRENT + " (without quotes), at the top of the file"));
            return false;
        } else if (v.asLong() > CURRENT) {
            problems.add(Values.line(KEY, v.asText(), "expected at most " + CURRENT + ": the file was written for a"
                    + " newer motcua appliance; install that version, or write this file for version " + CURRENT));
            return false;
        } else {
            version = v.asInt();
        }
        if (version < 2) {
            renameInSection(tree, "uplink", "min_free_mb", "min_free_mib", problems);
        }
        return true;
    }

    /**
     * 1 to 2: {@code [uplink] min_free_mb} became {@code min_free_mib}: the value was always read in MiB, as
     * {@code [store] low_space_mib} is, and the old name said MB.
     */
    private static void renameInSection(ObjectNode tree, String section, String from, String to, List<String> problems) {
        if (!(tree.get(section) instanceof ObjectNode s) || !s.has(from)) {
            return;
        }
        if (s.has(to)) {
            problems.add(Values.line(section + "." + from, s.get(from).asText(), "expected only " + section + "." + to
                    + " (the new name of this key since config_version 2); remove one of the two"));
            s.remove(from);
            return;
        }
        s.set(to, s.remove(from));
    }
}
