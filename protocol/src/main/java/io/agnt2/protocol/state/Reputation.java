package io.agnt2.protocol.state;

/**
 * An agent's ratings so far (ERC-8004 reputation): the sum of the scores and how many there were, so
 * the average is {@code scoreSum / ratings} and a client can weigh it by the count.
 */
public record Reputation(long scoreSum, long ratings) {

    public static final Reputation NONE = new Reputation(0, 0);

    public Reputation {
        if (scoreSum < 0 || ratings < 0) {
            throw new IllegalArgumentException("reputation counts must not be negative: " + scoreSum + "/" + ratings);
        }
    }

    /** One more rating; increments commute, which is why RATE can credit it as a delta. */
    public Reputation plus(int score) {
        return new Reputation(Math.addExact(scoreSum, score), Math.addExact(ratings, 1));
    }
}
