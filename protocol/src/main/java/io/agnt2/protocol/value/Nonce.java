package io.agnt2.protocol.value;

/** An agent's interaction counter: the n-th interaction it signs carries nonce n (from 0). */
public record Nonce(long value) implements Comparable<Nonce> {

    public static final Nonce ZERO = new Nonce(0);

    public Nonce {
        if (value < 0) {
            throw new IllegalArgumentException("nonce must not be negative: " + value);
        }
    }

    public static Nonce of(long value) {
        return new Nonce(value);
    }

    public Nonce next() {
        return new Nonce(Math.addExact(value, 1));
    }

    /** 8 bytes big-endian. */
    public byte[] toBytes8() {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }

    @Override
    public int compareTo(Nonce other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
