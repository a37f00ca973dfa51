package io.agnt2.channel.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * How a link proves it is alive. A link that has sent nothing for {@code heartbeat} sends a HEARTBEAT;
 * one that has received nothing (not even a heartbeat) for {@code deadAfter} is closed, so its channels'
 * proposals fail instead of waiting on a peer that vanished without a FIN (a pulled cable, a frozen
 * process, a dropped NAT mapping), and the dialing side redials.
 */
public record LinkLiveness(Duration heartbeat, Duration deadAfter) {

    /** Heartbeat every 5 s, dead after 15 s of silence: three heartbeats lost. */
    public static final LinkLiveness DEFAULT = new LinkLiveness(Duration.ofSeconds(5), Duration.ofSeconds(15));

    public LinkLiveness {
        Objects.requireNonNull(heartbeat, "heartbeat");
        Objects.requireNonNull(deadAfter, "deadAfter");
        if (heartbeat.isNegative() || heartbeat.isZero()) {
            throw new IllegalArgumentException("heartbeat must be positive, got " + heartbeat);
        }
        if (deadAfter.compareTo(heartbeat.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("deadAfter (" + deadAfter + ") must be at least two heartbeats ("
                    + heartbeat + "), or one late heartbeat closes a live link");
        }
    }
}
