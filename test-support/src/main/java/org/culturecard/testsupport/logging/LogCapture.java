package org.culturecard.testsupport.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Everything the project logs (at DEBUG and above) while it is open, exceptions and their causes
 * included, so a test can prove that no card UID, barcode, PIN, name or birth date reaches a log.
 */
public final class LogCapture implements AutoCloseable {
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Logger ours = (Logger) LoggerFactory.getLogger("org.culturecard");
    private final Level previous = ours.getLevel();

    public LogCapture() {
        ours.setLevel(Level.DEBUG);
        appender.start();
        root.addAppender(appender);
    }

    /** Each event as one line: its formatted message, then the message of each throwable in its cause chain. */
    public List<String> lines() {
        return appender.list.stream().map(e -> e.getFormattedMessage() + throwables(e.getThrowableProxy())).toList();
    }

    @Override
    public void close() {
        root.detachAppender(appender);
        appender.stop();
        ours.setLevel(previous);
    }

    private static String throwables(IThrowableProxy proxy) {
        StringBuilder text = new StringBuilder();
        for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
            text.append(' ').append(p.getClassName()).append(": ").append(p.getMessage());
        }
        return text.toString();
    }
}
