package vn.motcua.appliance.devices.reader;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Real-shaped test codes and a classifier fixed on 22 Nov 2026. */
final class Scans {
    static final String ID = "079203001234";
    static final String CCCD7 = ID + "|025123456|Nguyễn Thị Hồng Nhung|15081950|Nữ|123 Đường Lê Lợi, Phường Bến Nghé, Quận 1, TP. Hồ Chí Minh|01072021";
    static final String CCCD6 = ID + "|Trần Văn Bảo|02031990|Nam|Thôn 3, Xã Hòa Phú, Huyện Hòa Vang, Đà Nẵng|12052022";
    static final String DOSSIER = "000.00.15.H29-241122-0001";
    static final String TICKET_URL = "https://dichvucong.example.gov.vn/hang-doi?don-vi=UBND-P7&so=A023&ngay=2026-11-22";
    static final byte[] KEY = "office-secret-for-tests-0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T02:00:00Z"), ZoneOffset.UTC);

    static ReaderSettings settings() {
        return ReaderSettings.defaults(KEY);
    }

    static CodeClassifier classifier() {
        return new CodeClassifier(settings(), CLOCK, ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    static ScanPipeline pipeline(java.util.function.LongSupplier nanos) {
        return new ScanPipeline(settings(), classifier(), nanos);
    }

    private Scans() {}
}
