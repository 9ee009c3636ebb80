package vn.motcua.appliance;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;

/**
 * The appliance's log line, {@code 09:41:07.123 INFO  [main] v.m.a.s.Health - message}, the same as Logback's
 * {@code PatternLayout} with {@link LogSetup#PATTERN} gives (LogLineTest compares the two), written out because
 * that layout's pattern machinery loads about 150 classes at start, 68 of them lambdas spun one by one (issue 20:
 * start-up). A throwable follows the line as Logback prints it.
 */
final class LogLine extends LayoutBase<ILoggingEvent> {
    /** {@code %logger{24}}: packages cut to their first letter, left first, until the name fits; the class never. */
    static final int LOGGER_LENGTH = 24;

    private final ZoneId zone = ZoneId.systemDefault();
    private ThrowableProxyConverter thrown;

    @Override
    public String doLayout(ILoggingEvent event) {
        StringBuilder b = new StringBuilder(128);
        LocalTime t = LocalTime.ofInstant(Instant.ofEpochMilli(event.getTimeStamp()), zone);
        two(b, t.getHour()).append(':');
        two(b, t.getMinute()).append(':');
        two(b, t.getSecond()).append('.');
        int ms = t.getNano() / 1_000_000;
        b.append(ms < 100 ? (ms < 10 ? "00" : "0") : "").append(ms).append(' ');
        String level = event.getLevel().toString();
        b.append(level).append(" ".repeat(Math.max(0, 5 - level.length())));
        b.append(" [").append(event.getThreadName()).append("] ");
        abbreviate(b, event.getLoggerName());
        b.append(" - ").append(event.getFormattedMessage()).append(CoreConstants.LINE_SEPARATOR);
        if (event.getThrowableProxy() != null) {
            b.append(thrown().convert(event));
        }
        return b.toString();
    }

    /** Logback's own printing of a throwable, made at the first one logged (none is, on a good start). */
    private synchronized ThrowableProxyConverter thrown() {
        if (thrown == null) {
            thrown = new ThrowableProxyConverter();
            thrown.setContext(getContext());
            thrown.start();
        }
        return thrown;
    }

    private static StringBuilder two(StringBuilder b, int value) {
        return b.append(value < 10 ? "0" : "").append(value);
    }

    /**
     * As Logback's {@code TargetLengthBasedClassNameAbbreviator}: the packages, left first, cut to their first letter
     * until as many letters were cut as the name is over {@link #LOGGER_LENGTH} (the first package is cut even when
     * none need be, as there); the class's own name whole.
     */
    static void abbreviate(StringBuilder b, String name) {
        int lastDot = name.lastIndexOf('.');
        if (name.length() < LOGGER_LENGTH || lastDot < 0) {
            b.append(name);
            return;
        }
        int toCut = lastDot - Math.max(0, LOGGER_LENGTH - (name.length() - lastDot));
        int cut = 0;
        int i = 0;
        boolean segmentStart = true;
        for (; i < lastDot; i++) {
            char c = name.charAt(i);
            if (c == '.') {
                if (cut >= toCut) {
                    break;
                }
                b.append(c);
                segmentStart = true;
            } else if (segmentStart) {
                b.append(c);
                segmentStart = false;
            } else {
                cut++;
            }
        }
        b.append(name, i, name.length());
    }
}
