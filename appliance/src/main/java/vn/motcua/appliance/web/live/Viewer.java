package vn.motcua.appliance.web.live;

import java.util.Map;

/**
 * Who opened a live feed stream: this machine's screens or a logged-in clerk (everything), or a paired screen (its
 * {@link FeedScope} only, and named in its snapshot so a counter-top page knows its counter).
 *
 * @param screen the paired screen's id, or 0
 * @param scope  what it may see, or null for everything
 * @param about  what the screen's snapshot says about it ({@code screen}: name, role, services, counters), or null
 */
public record Viewer(long screen, FeedScope scope, Map<String, Object> about) {
    /** The Pi's own screens, and staff: the whole feed. */
    public static final Viewer EVERYTHING = new Viewer(0, null, null);

    public static Viewer screen(long id, FeedScope scope, Map<String, Object> about) {
        if (id <= 0 || scope == null) {
            throw new IllegalArgumentException("a paired screen has an id and a scope");
        }
        return new Viewer(id, scope, Map.copyOf(about));
    }
}
