package vn.motcua.appliance;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * The appliance's logging, set up in code: one console appender (journald adds its own timestamps, so the pattern
 * stays short), Jetty and H2 at WARN, the root at {@code MOTCUA_LOG_LEVEL} (default INFO). Written by hand instead of
 * the logback.xml it replaces because reading XML loads logback's whole configuration machinery (Joran: about 300
 * classes, measured with {@code -Xlog:class+load}; the pattern layout another 150, hence {@link LogLine}) on every
 * start of a Pi that also runs Chromium (issue 20's start-up budget). A technician's own file still wins: with {@code -Dlogback.configurationFile=...} this steps aside
 * and logback reads that file as usual. Registered in {@code META-INF/services}. Never log personal data.
 */
public final class LogSetup extends ContextAwareBase implements Configurator {
    /** The line {@link LogLine} writes, in Logback's pattern words (what a technician's own file would say). */
    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(line);
        encoder.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.setEncoder(encoder);
        console.start();
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv("MOTCUA_LOG_LEVEL")));
        root.addAppender(console);
        context.getLogger("org.eclipse.jetty").setLevel(Level.WARN);
        context.getLogger("h2database").setLevel(Level.WARN);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The root level a technician asked for (TRACE, DEBUG, INFO, WARN, ERROR, OFF); INFO when unset or unknown. */
    static Level level(String asked) {
        return asked == null || asked.isBlank() ? Level.INFO : Level.toLevel(asked.trim(), Level.INFO);
    }
}
