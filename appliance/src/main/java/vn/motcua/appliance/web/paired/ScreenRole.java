package vn.motcua.appliance.web.paired;

import java.util.Optional;

import vn.motcua.appliance.web.Exposure;

/**
 * What a paired screen is for, fixed when it is paired: its token opens that role's page and the live feed, nothing
 * else ({@link Exposure#LAN_DISPLAY}, {@link Exposure#LAN_COUNTER_SCREEN}, {@link Exposure#LAN_LIVE}).
 */
public enum ScreenRole {
    /** A hall display: {@code /display}, limited to some services if the manager chose them. */
    DISPLAY("display", "/display", Exposure.Audience.DISPLAY, "Màn hình gọi số", "Hall display"),
    /** A small screen above one counter: {@code /counter-screen}, bound to that counter. */
    COUNTER_SCREEN("counter-screen", "/counter-screen", Exposure.Audience.COUNTER_SCREEN, "Màn hình quầy", "Counter screen"),
    /**
     * A satellite kiosk: a second Pi with its own touch screen, printer and buttons that takes every ticket from this
     * master ({@code web.satellite}). Not a browser: its page is the satellite API, which it calls with its token.
     */
    SATELLITE("satellite", "/satellite/tickets", Exposure.Audience.SATELLITE, "Ki-ốt lấy số vệ tinh", "Satellite kiosk");

    private final String word;
    private final String page;
    private final Exposure.Audience audience;
    private final String vi;
    private final String en;

    ScreenRole(String word, String page, Exposure.Audience audience, String vi, String en) {
        this.word = word;
        this.page = page;
        this.audience = audience;
        this.vi = vi;
        this.en = en;
    }

    /** As stored and as the manager's page sends it. */
    public String word() {
        return word;
    }

    /** The page the screen shows once paired. */
    public String page() {
        return page;
    }

    public Exposure.Audience audience() {
        return audience;
    }

    public String vi() {
        return vi;
    }

    public String en() {
        return en;
    }

    public static Optional<ScreenRole> of(String word) {
        for (ScreenRole r : values()) {
            if (r.word.equals(word)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }
}
