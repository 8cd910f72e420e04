package io.github.ontapkafka.iscsi.it;

import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/** Every log line of the JVM at every level, with stack traces, while open: to prove what never gets logged. */
final class LogCapture extends AbstractAppender implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();
    private final org.apache.logging.log4j.Level previousRootLevel;

    private LogCapture() {
        super("capture-" + System.nanoTime(), null, null, true, Property.EMPTY_ARRAY);
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        LoggerConfig root = context.getConfiguration().getRootLogger();
        previousRootLevel = root.getLevel();
        start();
        root.addAppender(this, org.apache.logging.log4j.Level.ALL, null);
        root.setLevel(org.apache.logging.log4j.Level.DEBUG);
        context.getConfiguration().getLoggers().values().forEach(logger -> {
            if (logger != root) {
                logger.setLevel(org.apache.logging.log4j.Level.DEBUG);
            }
        });
        context.updateLoggers();
    }

    static LogCapture everything() {
        return new LogCapture();
    }

    @Override
    public void append(LogEvent event) {
        StringWriter text = new StringWriter();
        text.append(event.getLevel().name()).append(' ').append(event.getLoggerName()).append(' ')
                .append(event.getMessage().getFormattedMessage());
        if (event.getThrown() != null) {
            event.getThrown().printStackTrace(new PrintWriter(text));
        }
        synchronized (lines) {
            lines.add(text.toString());
        }
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        configuration.getRootLogger().removeAppender(getName());
        configuration.getRootLogger().setLevel(previousRootLevel);
        stop();
        context.reconfigure();
    }
}
