package io.github.ontapkafka.iscsi.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock that stands still until a test moves it, so that EMS times are known in advance. */
final class ManualClock extends Clock {

    private final ZoneId zone;
    private volatile Instant now;

    ManualClock(String start) {
        this(Instant.parse(start), ZoneOffset.UTC);
    }

    ManualClock(Instant now, ZoneId zone) {
        this.now = now;
        this.zone = zone;
    }

    void advance(Duration step) {
        now = now.plus(step);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new ManualClock(now, other);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
