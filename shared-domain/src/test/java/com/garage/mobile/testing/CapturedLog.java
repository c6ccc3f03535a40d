package com.garage.mobile.testing;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Every record logged in this JVM from {@link #start()} to {@link #close()}; a {@code @QuarkusTest}'s app logs here too. */
public final class CapturedLog extends Handler implements AutoCloseable {

    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private CapturedLog() {
    }

    public static CapturedLog start() {
        CapturedLog log = new CapturedLog();
        Logger.getLogger("").addHandler(log);
        return log;
    }

    /** Each record as one line: its message, its parameters and what it threw. */
    public List<String> lines() {
        return records.stream().map(record -> record.getMessage() + " " + Arrays.toString(record.getParameters())
                + " " + record.getThrown()).toList();
    }

    /** The records logged as errors, each as its logger's name and its message. */
    public List<String> errors() {
        return records.stream().filter(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(record -> record.getLoggerName() + ": " + record.getMessage()).toList();
    }

    @Override
    public void publish(LogRecord record) {
        records.add(record);
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
