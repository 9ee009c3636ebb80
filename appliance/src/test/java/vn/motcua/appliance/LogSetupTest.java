package vn.motcua.appliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The logging set up in code (no logback.xml): what it configures, the level asked for, and a technician's file winning. */
class LogSetupTest {

    @Test
    void logbackFindsItAsAServiceAndItSetsTheConsoleTheLevelsAndThePattern() {
        Configurator found = ServiceLoader.load(Configurator.class).findFirst().orElseThrow();
        assertInstanceOf(LogSetup.class, found);
        LoggerContext context = new LoggerContext();
        LogSetup setup = new LogSetup();
        setup.setContext(context);
        assertEquals(Configurator.ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY, setup.configure(context));
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> console = (ConsoleAppender<?>) root.getAppender("CONSOLE");
        assertInstanceOf(LogLine.class, ((LayoutWrappingEncoder<?>) console.getEncoder()).getLayout());
        assertEquals(Level.WARN, context.getLogger("org.eclipse.jetty").getLevel());
        assertEquals(Level.WARN, context.getLogger("h2database").getLevel());
        assertEquals(Level.INFO, context.getLogger("vn.motcua.appliance.store").getEffectiveLevel());
    }

    @Test
    void theLevelAskedForIsTakenAndAnUnknownOneIsInfo() {
        assertEquals(Level.DEBUG, LogSetup.level("debug"));
        assertEquals(Level.WARN, LogSetup.level(" WARN "));
        assertEquals(Level.INFO, LogSetup.level(null));
        assertEquals(Level.INFO, LogSetup.level(""));
        assertEquals(Level.INFO, LogSetup.level("loud"));
    }

    @Test
    void aTechniciansOwnFileWins() {
        String before = System.getProperty("logback.configurationFile");
        System.setProperty("logback.configurationFile", "/etc/motcua/logback.xml");
        try {
            LoggerContext context = new LoggerContext();
            LogSetup setup = new LogSetup();
            setup.setContext(context);
            assertEquals(Configurator.ExecutionStatus.INVOKE_NEXT_IF_ANY, setup.configure(context));
            assertNull(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE"), "left to logback's own reading");
        } finally {
            if (before == null) {
                System.clearProperty("logback.configurationFile");
            } else {
                System.setProperty("logback.configurationFile", before);
            }
        }
    }
}
