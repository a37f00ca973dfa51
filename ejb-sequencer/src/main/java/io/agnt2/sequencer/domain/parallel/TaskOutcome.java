package io.agnt2.sequencer.domain.parallel;

/** What one task produced: its body's result, or the exception that failed it (then it had no effect). */
public sealed interface TaskOutcome<R> {

    boolean succeeded();

    record Completed<R>(R value) implements TaskOutcome<R> {
        @Override
        public boolean succeeded() {
            return true;
        }
    }

    record Failed<R>(Exception cause) implements TaskOutcome<R> {
        @Override
        public boolean succeeded() {
            return false;
        }
    }
}
