package ca.ptm.nocturne.gazelle.api;

import java.time.Duration;

/** Waits between retries; tests replace it with a recording sleeper so that nothing really waits. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
}
