package vn.motcua.appliance.district;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.uplink.Dossier;
import vn.motcua.appliance.uplink.DossierCache;

/**
 * Dossier answers remembered in H2, so a resident still sees the last known status (with its age) while the
 * district link is down. Not journalled: a cache entry lost to a power cut is fetched again.
 */
public final class H2DossierCache implements DossierCache {
    private static final Logger log = LoggerFactory.getLogger(H2DossierCache.class);
    private final QueueStore store;

    public H2DossierCache(QueueStore store) {
        this.store = store;
    }

    @Override
    public Optional<Entry> get(String slipCode) {
        try {
            return store.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT status, department, due_date, note, fetched_at"
                        + " FROM dossier_cache WHERE slip_code = ?")) {
                    ps.setString(1, slipCode);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return Optional.<Entry>empty();
                        }
                        Dossier d = new Dossier(slipCode, Dossier.Status.valueOf(rs.getString(1)), rs.getString(2),
                                rs.getObject(3, LocalDate.class), rs.getString(4));
                        return Optional.of(new Entry(d, rs.getObject(5, OffsetDateTime.class).toInstant()));
                    }
                }
            });
        } catch (RuntimeException e) {
            log.warn("Dossier cache read failed: {}", e.toString());
            return Optional.empty();
        }
    }

    @Override
    public void put(Dossier d, Instant fetchedAt) {
        try {
            store.withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO dossier_cache (slip_code, status, department,"
                        + " due_date, note, fetched_at) KEY (slip_code) VALUES (?,?,?,?,?,?)")) {
                    ps.setString(1, d.code());
                    ps.setString(2, d.status().name());
                    ps.setString(3, d.department());
                    ps.setObject(4, d.dueDate());
                    ps.setString(5, d.note());
                    ps.setObject(6, fetchedAt);
                    ps.executeUpdate();
                }
                c.commit();
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Dossier cache write failed: {}", e.toString());
        }
    }
}
