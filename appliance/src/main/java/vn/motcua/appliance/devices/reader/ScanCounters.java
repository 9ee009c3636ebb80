package vn.motcua.appliance.devices.reader;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Counts for the health/metrics page: scans accepted by kind, rejected by reason, repeats dropped. */
public final class ScanCounters {
    private final AtomicLong dossier = new AtomicLong();
    private final AtomicLong citizenId = new AtomicLong();
    private final AtomicLong ticket = new AtomicLong();
    private final AtomicLong booking = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final Map<ScanResult.Reason, AtomicLong> rejected = new EnumMap<>(ScanResult.Reason.class);

    public ScanCounters() {
        for (ScanResult.Reason r : ScanResult.Reason.values()) {
            rejected.put(r, new AtomicLong());
        }
    }

    void count(ScanResult r) {
        switch (r) {
            case ScanResult.Dossier d -> dossier.incrementAndGet();
            case ScanResult.CitizenId c -> citizenId.incrementAndGet();
            case ScanResult.Ticket t -> ticket.incrementAndGet();
            case ScanResult.Booking b -> booking.incrementAndGet();
            case ScanResult.Rejected x -> rejected.get(x.reason()).incrementAndGet();
        }
    }

    void duplicate() {
        duplicates.incrementAndGet();
    }

    public long dossiers() { return dossier.get(); }
    public long citizenIds() { return citizenId.get(); }
    public long tickets() { return ticket.get(); }
    public long bookings() { return booking.get(); }
    public long duplicates() { return duplicates.get(); }
    public long rejected(ScanResult.Reason reason) { return rejected.get(reason).get(); }

    public long rejectedTotal() {
        return rejected.values().stream().mapToLong(AtomicLong::get).sum();
    }
}
