package io.agnt2.channel.journal;

/**
 * The journal holds an intact record this code cannot read (a version it does not know): the node must
 * not start on it, nor cut it off as if it were a crash's torn tail.
 */
public final class UnreadableJournalException extends IllegalStateException {

    public UnreadableJournalException(String message) {
        super(message);
    }
}
