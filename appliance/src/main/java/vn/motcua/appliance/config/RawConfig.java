package vn.motcua.appliance.config;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The config file exactly as written (TOML, snake_case keys), before validation. Every field may be missing;
 * {@link ConfigValidator} says what is required. Sections owned by a device or the uplink stay raw
 * ({@link JsonNode}) and are read by their own module.
 */
record RawConfig(Appliance appliance, Queue queue, Hours hours, List<Service> services, List<Counter> counters,
                 Web web, Store store, JsonNode uplink, JsonNode devices, Manager manager, Kiosk kiosk, Voice voice,
                 Calendar calendar, Satellite satellite) {

    /** {@code [satellite]}: present on a satellite kiosk only (issue 17, item 3). */
    record Satellite(String masterUrl, String masterFingerprint, String tokenFile) {}

    record Appliance(String deviceId, String district, String office, String officeNameVi, String officeNameEn,
                     String dataDir, String wallClock) {}

    record Queue(String zone, String dayStartsAt, String noShowRecallWindow, String ratingWindow,
                 String defaultServiceTime, Integer estimateSample, List<String> priorities,
                 String unstartedCallOnNext, String bookingGrace, Boolean bookingEarlyArrivalsWait) {}

    record Hours(List<String> days, String opens, String closes, String lunchStarts, String lunchEnds) {}

    record Service(String code, String nameVi, String nameEn, String prefix, Integer firstNumber, Integer lastNumber,
                   Integer dailyCap, Hours hours) {}

    record Counter(Integer number, String name, List<String> services, Hours hours) {}

    record Web(String bind, Integer port, Integer maxBodyBytes, String staffAccounts, Lan lan, String exposeLocalOnLan,
               Phone phone) {}

    record Phone(Boolean enabled, String baseUrl, Integer refreshSeconds) {}

    record Lan(Boolean enabled, String bind, Integer port, String keystore, String keystorePasswordFile) {}

    record Manager(Integer alertWaiting, String alertWait) {}

    record Kiosk(Integer statusTimeoutSeconds) {}

    record Voice(String languages, Integer repeat, Boolean guidanceOnButtons) {}

    record Calendar(List<String> closedDays) {}

    record Store(Boolean durableCommits, String outboxRetention, Integer lowSpaceMib, Boolean restoreFromDistrict,
                 String restoreTimeout) {}
}
