package vn.motcua.appliance.domain;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Draws engine commands at random from a seeded {@link Random}, biased towards ones that can apply (numbers of
 * tickets that really are parked or skipped, counters that exist) but with a share of bad input: unknown
 * services and counters, priorities the office does not grant, ratings out of range, made-up numbers.
 */
final class RandomCommands {
    /** One command: a name for messages and coverage, and what it does to an engine. */
    record Command(String name, Function<QueueEngine, CommandResult> run) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<String> SERVICES = List.of("hotich", "datdai", "chungthuc", "kinhdoanh", "hotich", "nope");
    private static final Priority[] PRIORITIES = Priority.values();

    private final Random random;

    RandomCommands(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    /** The next command, chosen with a view of the engine's state (which it does not change). */
    Command next(QueueEngine e) {
        int counter = counter();
        int roll = random.nextInt(100);
        if (roll < 22) {
            String svc = SERVICES.get(random.nextInt(SERVICES.size()));
            Priority p = random.nextInt(4) == 0 ? PRIORITIES[random.nextInt(PRIORITIES.length)] : Priority.NORMAL;
            String key = random.nextBoolean() ? null : "k" + random.nextInt(50);
            return new Command("issue " + svc + " " + p, x -> x.issueTicket(svc, p, key));
        }
        if (roll < 40) {
            return new Command("callNext " + counter, x -> x.callNext(counter));
        }
        if (roll < 44) {
            return new Command("recall " + counter, x -> x.recall(counter));
        }
        if (roll < 49) {
            return new Command("skip " + counter, x -> x.skip(counter));
        }
        if (roll < 53) {
            String n = numberIn(e, TicketStatus.NO_SHOW);
            int idle = idleOpenCounter(e, counter);
            return new Command("recallNoShow " + idle + " " + n, x -> x.recallNoShow(idle, n));
        }
        if (roll < 60) {
            return new Command("start " + counter, x -> x.startService(counter));
        }
        if (roll < 70) {
            return new Command("finish " + counter, x -> x.finish(counter));
        }
        if (roll < 73) {
            String svc = SERVICES.get(random.nextInt(SERVICES.size()));
            return new Command("transferToService " + counter + " " + svc, x -> x.transferToService(counter, svc));
        }
        if (roll < 76) {
            int to = counter();
            return new Command("transferToCounter " + counter + " " + to, x -> x.transferToCounter(counter, to));
        }
        if (roll < 79) {
            return new Command("park " + counter, x -> x.park(counter));
        }
        if (roll < 82) {
            String n = numberIn(e, TicketStatus.PARKED);
            int idle = idleOpenCounter(e, counter);
            return new Command("callParked " + idle + " " + n, x -> x.callParked(idle, n));
        }
        if (roll < 86) {
            int score = random.nextInt(6);
            int rated = e.counters().stream().filter(c -> c.lastFinishedTicket() != null).findAny()
                    .filter(c -> random.nextInt(4) != 0).map(Counter::number).orElse(counter);
            return new Command("rate " + rated + " " + score, x -> x.rate(rated, score));
        }
        if (roll < 92) {
            String staff = "s" + random.nextInt(3);
            return new Command("open " + counter + " " + staff, x -> x.openCounter(counter, staff));
        }
        if (roll < 94) {
            return new Command("pause " + counter, x -> x.pauseCounter(counter));
        }
        if (roll < 97) {
            return new Command("close " + counter, x -> x.closeCounter(counter));
        }
        return new Command("tick", QueueEngine::tick);
    }

    /** Counters 1..4 mostly, sometimes one that does not exist. */
    private int counter() {
        return random.nextInt(20) == 0 ? random.nextInt(3) * 5 : 1 + random.nextInt(4);
    }

    /** Usually an open counter without a current ticket, if there is one; else {@code fallback}. */
    private int idleOpenCounter(QueueEngine e, int fallback) {
        List<Counter> idle = e.counters().stream()
                .filter(c -> c.status() == CounterStatus.OPEN && c.currentTicket() == null).toList();
        return idle.isEmpty() || random.nextInt(4) == 0 ? fallback : idle.get(random.nextInt(idle.size())).number();
    }

    /** The number of a ticket in that state if there is one (usually), else a made-up or wrong one. */
    private String numberIn(QueueEngine e, TicketStatus status) {
        List<Ticket> in = e.tickets().stream().filter(t -> t.status() == status).toList();
        if (!in.isEmpty() && random.nextInt(5) != 0) {
            return in.get(random.nextInt(in.size())).number();
        }
        List<Ticket> all = List.copyOf(e.tickets());
        if (!all.isEmpty() && random.nextBoolean()) {
            return all.get(random.nextInt(all.size())).number();
        }
        return random.nextBoolean() ? "Z999" : null;
    }
}
