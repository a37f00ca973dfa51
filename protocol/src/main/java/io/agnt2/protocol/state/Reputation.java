package io.agnt2.protocol.state;

/**
 * An agent's standing (ERC-8004 reputation): the sum of the scores of its ratings and how many there
 * were, so the average is {@code scoreSum / ratings} and a client can weigh it by the count; and how its
 * state channels ended, from L1's record of them: channels it closed cooperatively, and disputes it lost
 * (it registered a state the other side proved stale).
 */
public record Reputation(long scoreSum, long ratings, long cooperativeCloses, long disputesLost) {

    public static final Reputation NONE = new Reputation(0, 0, 0, 0);

    public Reputation {
        if (scoreSum < 0 || ratings < 0 || cooperativeCloses < 0 || disputesLost < 0) {
            throw new IllegalArgumentException("reputation counts must not be negative: " + scoreSum + "/" + ratings
                    + ", " + cooperativeCloses + " cooperative closes, " + disputesLost + " disputes lost");
        }
    }

    /** Ratings only, no channel history. */
    public Reputation(long scoreSum, long ratings) {
        this(scoreSum, ratings, 0, 0);
    }

    /** One more rating; increments commute, which is why RATE can credit it as a delta. */
    public Reputation plus(int score) {
        return plusRatings(score, 1);
    }

    /** {@code count} more ratings whose scores add up to {@code scores}: merged rating deltas. */
    public Reputation plusRatings(long scores, long count) {
        return new Reputation(Math.addExact(scoreSum, scores), Math.addExact(ratings, count), cooperativeCloses,
                disputesLost);
    }

    public Reputation plusCooperativeClose() {
        return new Reputation(scoreSum, ratings, Math.addExact(cooperativeCloses, 1), disputesLost);
    }

    public Reputation plusDisputeLost() {
        return new Reputation(scoreSum, ratings, cooperativeCloses, Math.addExact(disputesLost, 1));
    }
}
