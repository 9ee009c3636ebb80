package vn.motcua.tests.bench;

import vn.motcua.bus.bench.Percentiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;

import vn.motcua.appliance.config.ApplianceConfig;
import vn.motcua.appliance.config.ConfigLoader;
import vn.motcua.appliance.domain.Priority;
import vn.motcua.appliance.service.QueueService;
import vn.motcua.appliance.store.CommitJournal;
import vn.motcua.appliance.store.Database;
import vn.motcua.appliance.store.EventStamper;
import vn.motcua.appliance.store.QueueStore;
import vn.motcua.appliance.store.Watermarks;

/**
 * Durable commit throughput and bytes written to storage per ticket lifecycle (issue, call, start, finish),
 * with our journal, side by side in the same run with H2 synced at each commit (the simple durable choice)
 * and H2's own write-behind (not durable: loses up to its write delay on a power cut).
 * Run: {@code tests/bench.sh store}. Not a unit test: figures go to BENCHMARKS.md.
 */
public final class StoreBenchmark {
    public static void main(String[] args) throws Exception {
        int lifecycles = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        ApplianceConfig cfg = ConfigLoader.load(Path.of(System.getProperty("motcua.demoConf",
                "appliance/src/main/dist/demo.conf")));
        System.out.printf("Store benchmark: %d ticket lifecycles (4 commands each), %s%n", lifecycles,
                Runtime.version());
        Result journal = run(cfg, lifecycles, Mode.JOURNAL);
        Result synced = run(cfg, lifecycles, Mode.H2_SYNC_EACH_COMMIT);
        Result lazy = run(cfg, lifecycles, Mode.H2_WRITE_BEHIND);
        print("durable: journal (ours)", journal, lifecycles);
        print("durable: H2 CHECKPOINT SYNC each", synced, lifecycles);
        print("NOT durable: H2 write-behind", lazy, lifecycles);
        System.out.printf("journal vs H2 synced each commit: commands/s x%.2f, bytes per lifecycle x%.2f%n",
                journal.commandsPerSecond(lifecycles) / synced.commandsPerSecond(lifecycles),
                (double) journal.bytes / Math.max(1, synced.bytes));
        System.out.printf("journal bytes per durable commit vs the 4 KiB floor: x%.2f%n",
                journal.bytes / 4096.0 / (lifecycles * 4));
    }

    record Result(long nanos, long bytes, long[] latencies, int n) {
        double commandsPerSecond(int lifecycles) {
            return lifecycles * 4 / (nanos / 1e9);
        }
    }

    private static void print(String name, Result r, int lifecycles) {
        Percentiles p = Percentiles.of(java.util.Arrays.copyOf(r.latencies, r.n));
        System.out.printf("%-30s %8.0f commands/s  p50 %.2f ms  p99 %.2f ms  %7.0f bytes written per lifecycle"
                        + " (%.1f KiB, %.2f blocks of 4 KiB per durable commit)%n",
                name, r.commandsPerSecond(lifecycles), p.p50() / 1e6, p.p99() / 1e6, (double) r.bytes / lifecycles,
                r.bytes / 1024.0 / lifecycles, r.bytes / 4096.0 / (lifecycles * 4));
    }

    enum Mode { JOURNAL, H2_SYNC_EACH_COMMIT, H2_WRITE_BEHIND }

    private static Result run(ApplianceConfig cfg, int lifecycles, Mode mode) throws Exception {
        Path dir = Files.createTempDirectory(Path.of(System.getProperty("motcua.benchDir", "target")), "store-bench");
        Clock clock = Clock.systemUTC();
        Database.Opened db = Database.open(dir, clock);
        QueueStore store = new QueueStore(db.connection(), new EventStamper("bench", clock, "boot", () -> true),
                Watermarks.load(dir), mode == Mode.JOURNAL ? CommitJournal.open(dir, 4L << 20) : null);
        QueueService q = new QueueService(cfg.office(), clock, store);
        if (mode == Mode.H2_SYNC_EACH_COMMIT) {
            q.addListener((r, events) -> {
                try {
                    store.checkpoint();
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
        }
        for (int c = 1; c <= 10; c++) {
            int n = c;
            q.execute(e -> e.openCounter(n, "staff" + n));
        }
        // warm up the JIT and H2's pages, then measure
        lifecycle(q, 50, null);
        long bytes0 = DiskIo.writeBytes();
        long t0 = System.nanoTime();
        long[] lat = new long[lifecycles * 4];
        lifecycle(q, lifecycles, lat);
        long nanos = System.nanoTime() - t0;
        store.close(); // counts what H2 still had to write behind
        long bytes = DiskIo.writeBytes() - bytes0;
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        return new Result(nanos, bytes, lat, lat.length);
    }

    private static void lifecycle(QueueService q, int n, long[] lat) {
        String[] services = {"ho-tich", "dat-dai", "xay-dung", "kinh-doanh", "ldtbxh", "chung-thuc"};
        int[] counterFor = {1, 3, 5, 6, 7, 8};
        int k = 0;
        for (int i = 0; i < n; i++) {
            int s = i % services.length;
            String service = services[s];
            int counter = counterFor[s];
            long t = System.nanoTime();
            q.execute(e -> e.issueTicket(service, Priority.NORMAL, null));
            k = record(lat, k, t);
            t = System.nanoTime();
            q.execute(e -> e.callNext(counter));
            k = record(lat, k, t);
            t = System.nanoTime();
            q.execute(e -> e.startService(counter));
            k = record(lat, k, t);
            t = System.nanoTime();
            q.execute(e -> e.finish(counter));
            k = record(lat, k, t);
        }
    }

    private static int record(long[] lat, int k, long t0) {
        if (lat != null) {
            lat[k] = System.nanoTime() - t0;
        }
        return k + 1;
    }
}
