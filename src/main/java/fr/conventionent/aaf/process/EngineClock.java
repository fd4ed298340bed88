package fr.conventionent.aaf.process;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** The engine's clock (moved by tests), Paris time: the bordereau's send date and the reports follow it. */
final class EngineClock extends Clock {

    static final EngineClock PARIS = new EngineClock();

    private EngineClock() {
    }

    @Override
    public ZoneId getZone() {
        return AafSchedule.PARIS;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
