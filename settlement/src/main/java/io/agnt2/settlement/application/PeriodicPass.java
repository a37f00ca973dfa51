package io.agnt2.settlement.application;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A pass that a timer starts every few seconds against L1: skipped while the previous one still runs
 * (a slow L1 node makes passes skip, never stack up), and a failure is logged for the next pass to retry.
 */
final class PeriodicPass {

    /** The pass's work; it may fail with anything. */
    interface Work {
        void run() throws Exception;
    }

    private final String name;
    private final Logger log;
    private final AtomicBoolean running = new AtomicBoolean();

    PeriodicPass(String name, Logger log) {
        this.name = name;
        this.log = log;
    }

    void runUnlessRunning(Work work) {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            work.run();
        } catch (Exception e) {
            log.log(Level.WARNING, name + " failed; the next pass retries: " + e.getMessage(), e);
        } finally {
            running.set(false);
        }
    }
}
