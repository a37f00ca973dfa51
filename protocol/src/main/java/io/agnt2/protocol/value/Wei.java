package io.agnt2.protocol.value;

import java.math.BigInteger;

/** An amount of value in wei: a uint256, so never negative and never above 2^256 - 1. */
public final class Wei implements Comparable<Wei> {

    public static final Wei ZERO = new Wei(BigInteger.ZERO);
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);

    private final BigInteger value;

    private Wei(BigInteger value) {
        this.value = value;
    }

    public static Wei of(BigInteger value) {
        if (value == null) {
            throw new IllegalArgumentException("amount is null");
        }
        if (value.signum() < 0) {
            throw new IllegalArgumentException("amount must not be negative: " + value);
        }
        if (value.compareTo(MAX) > 0) {
            throw new IllegalArgumentException("amount does not fit in uint256: " + value);
        }
        return new Wei(value);
    }

    public static Wei of(long value) {
        return of(BigInteger.valueOf(value));
    }

    /**
     * Parses plain decimal digits ("1000000000000000000"). No sign, exponent, separators or spaces:
     * JSON clients send amounts as strings precisely so that nothing is rounded on the way.
     */
    public static Wei of(String decimal) {
        if (decimal == null || decimal.isEmpty()) {
            throw new IllegalArgumentException("amount must be a decimal string, got " + (decimal == null ? "null" : "\"\""));
        }
        if (decimal.length() > 78) { // 2^256 has 78 digits; refuse to parse megabytes
            throw new IllegalArgumentException("amount does not fit in uint256: " + decimal.substring(0, 20) + "...");
        }
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("amount must contain only decimal digits, got \"" + decimal + "\"");
            }
        }
        return of(new BigInteger(decimal));
    }

    public Wei plus(Wei other) {
        BigInteger sum = value.add(other.value);
        if (sum.compareTo(MAX) > 0) {
            throw new ArithmeticException("uint256 overflow: " + this + " + " + other);
        }
        return new Wei(sum);
    }

    /** @throws ArithmeticException if {@code other} is larger: balances never go negative */
    public Wei minus(Wei other) {
        if (value.compareTo(other.value) < 0) {
            throw new ArithmeticException("insufficient amount: " + this + " - " + other + " would be negative");
        }
        return new Wei(value.subtract(other.value));
    }

    public boolean isZero() {
        return value.signum() == 0;
    }

    public BigInteger toBigInteger() {
        return value;
    }

    /** 32 bytes big-endian, the uint256 word of ABI and EIP-712 encoding. */
    public byte[] toBytes32() {
        byte[] raw = value.toByteArray(); // may carry a leading sign byte
        byte[] out = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, out, 32 - copy, copy);
        return out;
    }

    @Override
    public int compareTo(Wei other) {
        return value.compareTo(other.value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Wei that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    /** Decimal digits. */
    @Override
    public String toString() {
        return value.toString();
    }
}
