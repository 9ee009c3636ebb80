package vn.motcua.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

/** The hand-written line is the line Logback's own PatternLayout makes of {@link LogSetup#PATTERN}. */
class LogLineTest {
    private final LoggerContext context = new LoggerContext();

    @Test
    void eachLineIsWhatThePatternLayoutWrites() {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(LogSetup.PATTERN);
        pattern.start();
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        String[] loggers = {"vn.motcua.appliance.web.auth.StaffAccountsFile", "vn.motcua.appliance.Appliance",
                "Main", "org.eclipse.jetty.server.Server", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.Clazz",
                "exactly.twentyfour.chars", "a.twentyfive.long.name.X", "vn.motcua.appliance.store.QueueStore$Inner"};
        Level[] levels = {Level.TRACE, Level.DEBUG, Level.INFO, Level.WARN, Level.ERROR};
        long[] times = {0L, 1_765_000_000_007L, 1_765_012_345_678L, 1_765_099_999_999L};
        int i = 0;
        for (String name : loggers) {
            Logger logger = context.getLogger(name);
            for (Level level : levels) {
                Throwable thrown = i % 3 == 0 ? new IllegalStateException("the store is gone", new RuntimeException("disk"))
                        : null;
                LoggingEvent event = new LoggingEvent(Logger.class.getName(), logger, level, "ticket {} of {}", thrown,
                        new Object[] {"A023", i});
                event.setThreadName(i % 2 == 0 ? "main" : "virtual-34");
                event.setTimeStamp(times[i % times.length]);
                assertEquals(pattern.doLayout(event), line.doLayout(event), name + " " + level);
                i++;
            }
        }
    }
}
