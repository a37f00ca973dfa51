package io.agnt2.protocol;

/**
 * 0x-prefixed hexadecimal, the way Ethereum tooling writes bytes.
 *
 * <p>Hand-written rather than BouncyCastle's {@code Hex}: it accepts the optional {@code 0x} prefix and
 * reports bad input as {@link IllegalArgumentException} with the offending position, which is what a
 * gateway turns into a problem response.
 */
public final class Hex {

    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** Lower-case hex with a {@code 0x} prefix. */
    public static String encode(byte[] bytes) {
        char[] out = new char[2 + bytes.length * 2];
        out[0] = '0';
        out[1] = 'x';
        for (int i = 0; i < bytes.length; i++) {
            out[2 + 2 * i] = DIGITS[(bytes[i] >> 4) & 0xf];
            out[3 + 2 * i] = DIGITS[bytes[i] & 0xf];
        }
        return new String(out);
    }

    /** Decodes hex with or without a {@code 0x} prefix, in any case. */
    public static byte[] decode(String hex) {
        if (hex == null) {
            throw new IllegalArgumentException("hex string is null");
        }
        String digits = stripPrefix(hex);
        if (digits.length() % 2 != 0) {
            throw new IllegalArgumentException("hex string has an odd number of digits: " + abbreviate(hex));
        }
        byte[] out = new byte[digits.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) ((digit(digits, 2 * i, hex) << 4) | digit(digits, 2 * i + 1, hex));
        }
        return out;
    }

    /** Decodes hex that must hold exactly {@code length} bytes; {@code what} names the value in errors. */
    public static byte[] decode(String hex, int length, String what) {
        byte[] bytes = decode(hex);
        if (bytes.length != length) {
            throw new IllegalArgumentException(
                    what + " must be " + length + " bytes, got " + bytes.length + ": " + abbreviate(hex));
        }
        return bytes;
    }

    /** The digits of {@code hex} without its {@code 0x}/{@code 0X} prefix, if it has one. */
    public static String stripPrefix(String hex) {
        return hex.startsWith("0x") || hex.startsWith("0X") ? hex.substring(2) : hex;
    }

    private static int digit(String digits, int index, String original) {
        int value = Character.digit(digits.charAt(index), 16);
        if (value < 0) {
            throw new IllegalArgumentException(
                    "not a hex digit '" + digits.charAt(index) + "' in " + abbreviate(original));
        }
        return value;
    }

    /** Keeps error messages readable when someone posts a megabyte of garbage. */
    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
