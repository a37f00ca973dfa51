package io.agnt2.sequencer.domain.parallel;

/** A task touched a key outside its declaration, or in a mode it did not declare. Fails the task. */
public final class UndeclaredAccessException extends RuntimeException {

    public UndeclaredAccessException(Object key, String attempted, AccessMode declared) {
        super(attempted + " of " + key + (declared == null ? ", which is not declared" : ", declared " + declared));
    }
}
