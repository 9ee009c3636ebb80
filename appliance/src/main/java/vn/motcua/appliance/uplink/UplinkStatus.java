package vn.motcua.appliance.uplink;

/**
 * What the staff/health page shows about the uplink.
 *
 * @param link            {@code connected}, {@code connecting}, {@code waiting} (backing off) or {@code stopped}
 * @param lastError       why the link is not up (sanitised), or null
 * @param outboxDepth     undelivered events
 * @param oldestUndeliveredAgeSeconds null when nothing is pending
 * @param storage         {@code ok}, {@code pressure}, {@code critical}
 * @param refusedInbound  configs, commands and lookup answers refused since start
 */
public record UplinkStatus(String link, String lastError, long outboxDepth, Long oldestUndeliveredAgeSeconds,
                           String storage, long shedTelemetry, long sent, long delivered, long replayed,
                           long refusedInbound) {}
