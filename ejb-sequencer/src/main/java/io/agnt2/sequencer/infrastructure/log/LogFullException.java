package io.agnt2.sequencer.infrastructure.log;

/**
 * An append found the log's queue full for longer than {@link LogOptions#appendTimeout()}: the disk
 * is not keeping up. The interaction was not logged; the caller should shed load (for a gateway,
 * answer 503 with Retry-After) rather than retry at once.
 */
public final class LogFullException extends RuntimeException {

    public LogFullException(String message) {
        super(message);
    }

    public LogFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
